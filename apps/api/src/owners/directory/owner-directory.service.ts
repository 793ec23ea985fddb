import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ActionOwner, canSeeArea, InvalidValueError, OwnerNotFoundError, OwnerUserNotFoundError, OwnerUserNotLinkedError, Principal } from '@send/domain';
import { ownerIdFor } from '@send/event-store';
import { ActionEntity, MeetingEntity, OwnerEntity, OwnerRecordEntity, ownerTextKey, PlanEntity, RiskEntity, RoleGrantEntity, UserEntity } from '@send/read-models';
import { OwnerInput } from '../../actions/dto/owner.input';

const required = (field: string, value: string | null | undefined): string => {
  const text = value?.trim();
  if (!text) throw new InvalidValueError(field, 'required', `${field} is required when the owner is given by name`);
  return text;
};

/**
 * Who an owner input names. By id (an owner, or a person linked to one) the owner's current name
 * and organisation are used, so nobody retypes them; by name, whoever is recorded under that name
 * now (after a rename) comes first, and only then is an id derived from the text (ownerIdFor).
 */
@Injectable()
export class OwnerDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(input: OwnerInput, planId: string, principal: Principal | 'system', field = 'owner'): Promise<ActionOwner> {
    if (input.ownerId && input.userId) throw new InvalidValueError(field, 'oneOwner', `${field}: give ownerId or userId, not both`);
    if (input.ownerId || input.userId) return this.byLink(input, planId, principal, field);
    return this.byName(input, field);
  }

  /** As `resolve`, for a change to an action: its plan's area is where the owner is looked up. */
  async resolveForAction(input: OwnerInput, actionId: string, principal: Principal): Promise<ActionOwner> {
    const action = await this.dataSource.getRepository(ActionEntity).findOne({ select: { planId: true }, where: { actionId } });
    return this.resolve(input, action?.planId ?? '', principal);
  }

  /** As `resolve`, for a mitigation of a risk. */
  async resolveForRisk(input: OwnerInput, riskId: string, principal: Principal): Promise<ActionOwner> {
    const risk = await this.dataSource.getRepository(RiskEntity).findOne({ select: { planId: true }, where: { riskId } });
    return this.resolve(input, risk?.planId ?? '', principal);
  }

  /** As `resolve`, for a follow-up a meeting asks for: the meeting's plan's area. */
  async resolveForMeeting(input: OwnerInput, meetingId: string, principal: Principal, field = 'owner'): Promise<ActionOwner> {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOne({ select: { planId: true }, where: { meetingId } });
    return this.resolve(input, meeting?.planId ?? '', principal, field);
  }

  /** The owner's record, by id: who they are now and every plan that has named them. */
  record(ownerId: string): Promise<OwnerRecordEntity | null> {
    return this.dataSource.getRepository(OwnerRecordEntity).findOneBy({ ownerId });
  }

  /** Someone recorded now under this name and organisation, compared as ownerIdFor compares them. */
  byCurrentName(name: string, organisation: string): Promise<OwnerRecordEntity | null> {
    return this.dataSource.getRepository(OwnerRecordEntity).findOneBy({ nameKey: ownerTextKey(name), organisationKey: ownerTextKey(organisation) });
  }

  /** The local areas that name the owner: their plans' areas and the areas of the people linked to them. */
  async areasOf(ownerId: string): Promise<string[]> {
    const record = await this.record(ownerId);
    const users = await this.dataSource.getRepository(UserEntity).find({ select: { userId: true }, where: { ownerId } });
    const [plans, grants] = await Promise.all([
      record && record.planIds.length > 0 ? this.dataSource.getRepository(PlanEntity).find({ select: { localAreaId: true }, where: { planId: In(record.planIds) } }) : [],
      users.length > 0 ? this.dataSource.getRepository(RoleGrantEntity).find({ select: { localAreaId: true }, where: { userId: In(users.map((u) => u.userId)) } }) : [],
    ]);
    return [...new Set([...plans.map((p) => p.localAreaId), ...grants.map((g) => g.localAreaId)])];
  }

  private async byName(input: OwnerInput, field: string): Promise<ActionOwner> {
    const name = required(`${field}.name`, input.name);
    const organisation = required(`${field}.organisation`, input.organisation);
    const role = required(`${field}.role`, input.role);
    const current = await this.byCurrentName(name, organisation);
    if (current) return { ownerId: current.ownerId, name: current.name, organisation: current.organisation, role };
    const ownerId = ownerIdFor(name, organisation);
    // Their name before a rename still derives their id: they are shown as they are called now.
    const renamed = await this.record(ownerId);
    if (renamed?.renamedAt) return { ownerId, name: renamed.name, organisation: renamed.organisation, role };
    return { ownerId, name, organisation, role };
  }

  /**
   * Ids are looked up only among the owners and people of the plan's area, and anything else is
   * "not found", so an id cannot be used to learn who owns what in another area.
   */
  private async byLink(input: OwnerInput, planId: string, principal: Principal | 'system', field: string): Promise<ActionOwner> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ planId });
    const area = plan && (principal === 'system' || canSeeArea(principal, plan.localAreaId)) ? plan.localAreaId : null;
    let ownerId = input.ownerId ?? null;
    let person: UserEntity | null = null;
    if (input.userId) {
      person = area === null ? null : await this.personIn(input.userId, area);
      if (!person) throw new OwnerUserNotFoundError(input.userId, `${field}.userId`);
      if (!person.ownerId) throw new OwnerUserNotLinkedError(input.userId, `${field}.userId`);
      ownerId = person.ownerId;
    }
    const record = ownerId === null ? null : await this.record(ownerId);
    if (ownerId === null || area === null || !(person || (await this.namedIn(ownerId, record, area)))) throw new OwnerNotFoundError(input.ownerId ?? '', `${field}.ownerId`);
    if (record && (input.name || input.organisation)) {
      throw new InvalidValueError(`${field}.name`, 'fromRecord', `${field}: an owner given by id keeps their recorded name and organisation; change them with renameOwner`);
    }
    const listed = await this.dataSource.getRepository(OwnerEntity).findOneBy({ planId, ownerId });
    const role = input.role?.trim() || listed?.role || record?.role;
    if (!role) throw new InvalidValueError(`${field}.role`, 'required', `${field}.role is required: they own nothing yet, so their title is not known`);
    if (record) return { ownerId, name: record.name, organisation: record.organisation, role };
    // A person linked to an owner nothing names yet: their display name, and the organisation given.
    return { ownerId, name: required(`${field}.name`, input.name?.trim() || person?.displayName), organisation: required(`${field}.organisation`, input.organisation), role };
  }

  private async personIn(userId: string, localAreaId: string): Promise<UserEntity | null> {
    const [user, grants] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOneBy({ userId }),
      this.dataSource.getRepository(RoleGrantEntity).countBy({ userId, localAreaId }),
    ]);
    return user && grants > 0 ? user : null;
  }

  private async namedIn(ownerId: string, record: OwnerRecordEntity | null, localAreaId: string): Promise<boolean> {
    if (record && record.planIds.length > 0) {
      if ((await this.dataSource.getRepository(PlanEntity).countBy({ planId: In(record.planIds), localAreaId })) > 0) return true;
    }
    const linked = await this.dataSource.getRepository(UserEntity).find({ select: { userId: true }, where: { ownerId } });
    return linked.length > 0 && (await this.dataSource.getRepository(RoleGrantEntity).countBy({ userId: In(linked.map((u) => u.userId)), localAreaId })) > 0;
  }
}
