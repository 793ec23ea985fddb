import { DeliveryConfidence, ReminderKind, ukDate } from '@send/domain';

export interface ReminderAction {
  actionId: string;
  ref: string;
  title: string;
  dueDate: string;
  lastUpdatedOn: string;
  /** Slipping actions it waits for, each with why: "5.1 (due date moved)". Empty or absent when none. */
  atRiskFrom?: string[];
  /** The rating in force, null until the action is first rated; absent where a mail does not say it. */
  deliveryConfidence?: DeliveryConfidence | null;
}

/** Everything a reminder mail says, gathered from the read models when it falls due. */
export interface ReminderContent {
  kind: ReminderKind;
  planTitle: string;
  /** Owner's name, or "programme office" for the digest. */
  addressee: string;
  round: { title: string; deadline: string } | null;
  /** Round mails: the actions to update. */
  actions: ReminderAction[];
  /** Digest: open actions past their due date, and those not updated within the plan's stale threshold. */
  overdue: ReminderAction[];
  stale: ReminderAction[];
  /** Digest: open actions at risk from a slipping action they wait for. */
  atRisk: ReminderAction[];
  staleAfterDays: number;
  weekOf: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Titles, names and commentary are typed by users; nothing they type may become markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Subjects are headers: a line break typed into a title must not start a new one. */
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderReminderMail(content: ReminderContent, publicUrl: string): RenderedMail {
  const link = (a: ReminderAction) => `${publicUrl}/dashboard/#/actions/${encodeURIComponent(a.actionId)}`;
  const lines = (list: ReminderAction[], extra: (a: ReminderAction) => string) =>
    list.map((a) => `- ${a.ref} ${oneLine(a.title)}${extra(a)}\n  ${link(a)}`).join('\n');
  const items = (list: ReminderAction[], extra: (a: ReminderAction) => string) =>
    `<ul>${list.map((a) => `<li><a href="${escapeHtml(link(a))}">${escapeHtml(a.ref)}</a> ${escapeHtml(oneLine(a.title))}${escapeHtml(extra(a))}</li>`).join('')}</ul>`;
  // Owners are told in their round mails, and the programme office in the digest, when what an action waits for is slipping.
  const atRisk = (a: ReminderAction) => (a.atRiskFrom?.length ? `; at risk from ${a.atRiskFrom.join(', ')}` : '');
  const due = (a: ReminderAction) => ` (due ${ukDate(a.dueDate)}${atRisk(a)})`;
  // An owner updating an action is asked to say how confident they are of its impact where that is low or not yet said.
  const confidence = (a: ReminderAction) => (a.deliveryConfidence === null ? '; delivery confidence not yet rated' : a.deliveryConfidence === 'LOW' ? '; delivery confidence Low' : '');
  const dueAndConfidence = (a: ReminderAction) => ` (due ${ukDate(a.dueDate)}${atRisk(a)}${confidence(a)})`;
  const lastUpdated = (a: ReminderAction) => ` (last updated ${ukDate(a.lastUpdatedOn)})`;
  const greeting = `Dear ${oneLine(content.addressee)},`;

  const sections: { heading: string | null; intro: string; list: ReminderAction[]; extra: (a: ReminderAction) => string; outro?: string }[] = [];
  let subject: string;
  if (content.kind === 'WEEKLY_DIGEST') {
    subject = `${oneLine(content.planTitle)}: ${plural(content.overdue.length, 'overdue action')}, ${content.stale.length} stale (week of ${ukDate(content.weekOf)})`;
    sections.push({ heading: 'Overdue', intro: content.overdue.length ? 'Open actions past their due date:' : 'No open action is past its due date.', list: content.overdue, extra: due });
    sections.push({
      heading: 'Stale',
      intro: content.stale.length ? `Open actions with no update for more than ${content.staleAfterDays} days:` : `Every open action has been updated within ${content.staleAfterDays} days.`,
      list: content.stale,
      extra: lastUpdated,
    });
    sections.push({
      heading: 'At risk from a dependency',
      intro: content.atRisk.length ? 'Open actions waiting for an action that is slipping (Red, overdue or moved later):' : 'No open action is waiting for an action that is slipping.',
      list: content.atRisk,
      extra: (a) => ` (${atRisk(a).slice(2)})`,
    });
  } else {
    const round = content.round!;
    const opened = content.kind === 'ROUND_OPENED';
    subject = opened
      ? `${oneLine(round.title)}: please update ${plural(content.actions.length, 'action')} by ${ukDate(round.deadline)}`
      : `Reminder: ${plural(content.actions.length, 'action')} still to update by ${ukDate(round.deadline)} (${oneLine(round.title)})`;
    const intro = opened
      ? `The programme office has opened "${oneLine(round.title)}" for ${oneLine(content.planTitle)}. Please update the RAG, commentary and "as at" date of these actions by ${ukDate(round.deadline)}:`
      : `The deadline for "${oneLine(round.title)}" is ${ukDate(round.deadline)}. These actions of yours have not been updated since the round opened:`;
    const unsure = content.actions.filter((a) => confidence(a) !== '').length;
    const outro = unsure
      ? unsure === 1
        ? 'When you update the action marked above, please also rate its delivery confidence on its page: how confident you are that it will achieve its intended impact, and why.'
        : `When you update the ${unsure} actions marked above, please also rate each one's delivery confidence on its page: how confident you are that it will achieve its intended impact, and why.`
      : undefined;
    sections.push({ heading: null, intro, list: content.actions, extra: dueAndConfidence, outro });
  }

  const signOff = 'Sent by the SEND Improvement Plan tracker. Open a link to update the action on the dashboard.';
  const text = [
    greeting,
    '',
    ...sections.flatMap((s) => [...(s.heading ? [s.heading.toUpperCase()] : []), s.intro, ...(s.list.length ? [lines(s.list, s.extra)] : []), ...(s.outro ? ['', s.outro] : []), '']),
    signOff,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...sections.map((s) => `${s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : ''}<p>${escapeHtml(s.intro)}</p>${s.list.length ? items(s.list, s.extra) : ''}${s.outro ? `<p>${escapeHtml(s.outro)}</p>` : ''}`),
    `<p style="color: #555">${escapeHtml(signOff)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
