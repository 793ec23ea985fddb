import type { SelectOption } from '../shared/select-field';
import { longDate } from '../shared/uk-dates';

export const MEETINGS_QUERY = `query Meetings($planId: ID!) { meetings(planId: $planId) { id date title closed } }`;

export interface MeetingOption {
  id: string;
  date: string;
  title: string;
  closed: boolean;
}

/** Only a closed meeting has a moment the plan can be shown "as at". */
export const closedMeetings = (meetings: MeetingOption[]): MeetingOption[] => meetings.filter((m) => m.closed);

export const meetingLabel = (m: MeetingOption): string => `${m.title} (${longDate(m.date)})`;

export const meetingOptions = (meetings: MeetingOption[]): SelectOption[] => meetings.map((m) => ({ value: m.id, label: meetingLabel(m) }));
