import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { authorizeReminderReading, Principal, ReminderNotFoundError } from '@send/domain';
import { ReminderEntity } from '@send/read-models';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity } from '../hardening/list-complexity';
import { ReminderModel, ReminderStatus } from './models/reminder.model';
import { actionRefsOf } from './due-reminders';
import { renderReminderMail } from './reminder-mail.renderer';
import { ReminderSenderService } from './reminder-sender.service';
import { ReminderCommands } from './reminder-commands.service';
import { ResendReminderInput } from './dto/resend-reminder.input';
import { ProjectionService } from '../infrastructure/projection.service';

const modelOf = (r: ReminderEntity): ReminderModel => ({ ...r, id: r.reminderId });

@Resolver(() => ReminderModel)
export class RemindersResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ActionReadService,
    private readonly sender: ReminderSenderService,
    private readonly commands: ReminderCommands,
    private readonly projections: ProjectionService,
  ) {}

  @Query(() => [ReminderModel], {
    description:
      "A plan's reminder mails, for the programme office and the DfE adviser: those due now and not yet sent first, then every one claimed, newest first.",
    complexity: listComplexity(14),
  })
  async reminders(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<ReminderModel[]> {
    const plan = await this.plans.plan(planId, principal);
    authorizeReminderReading(principal, plan.localAreaId);
    const recorded = await this.dataSource.getRepository(ReminderEntity).find({ where: { planId: plan.planId }, order: { claimedAt: 'DESC', key: 'ASC' } });
    const claimed = new Set(recorded.map((r) => r.reminderId));
    const pending = (await this.sender.due([plan.planId], { catchUp: false }))
      .filter((r) => !claimed.has(r.reminderId))
      .map((r): ReminderModel => ({
        id: r.reminderId,
        key: r.key,
        kind: r.kind,
        status: r.recipients.length === 0 ? ReminderStatus.UNADDRESSED : ReminderStatus.PENDING,
        roundId: r.roundId,
        ownerId: r.ownerId,
        addressee: r.content.addressee,
        recipients: r.recipients,
        subject: renderReminderMail(r.content, this.sender.settings.publicUrl).subject,
        actionRefs: actionRefsOf(r),
        attempts: 0,
        claimedAt: null,
        sentAt: null,
        lastError: null,
        retryAfter: null,
        revision: null,
        resends: 0,
        resendReason: null,
      }));
    return [...pending, ...recorded.map(modelOf)];
  }

  @Mutation(() => ReminderModel, {
    description:
      'Send a reminder that was sent or given up once more (programme office of its area), with the reason: the next check sends exactly one more mail, to the addresses its people have now. CONFLICT while an attempt is in flight or due again, or a re-send is already waiting.',
  })
  async resendReminder(@Args('input') input: ResendReminderInput, @CurrentPrincipal() principal: Principal): Promise<ReminderModel> {
    const { reminderId, reason, expectedRevision, commandId } = input;
    const result = await this.commands.execute({ type: 'RequestReminderResend', data: { reminderId, reason } }, BigInt(expectedRevision), { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    const row = await this.dataSource.getRepository(ReminderEntity).findOneBy({ reminderId });
    if (!row) throw new ReminderNotFoundError(reminderId);
    return modelOf(row);
  }
}
