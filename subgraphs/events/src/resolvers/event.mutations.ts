import { writeResolver, type InputCheck } from '@hub/kit';
import { Event } from '../entities/event.entity.js';
import { Participant } from '../entities/participant.embeddable.js';
import { Period } from '../entities/period.embeddable.js';
import { EventInput, EventPatch } from '../inputs/event.input.js';
import { AgencyRef, CommitteeRef, ConclusionRef, PersonRef, ProvinceRef, SourceDocumentRef, StrategyRef } from '../references.js';

/** Validates the fields an input gives (references checked with their owners) and copies them onto the record. */
function take(check: InputCheck, record: Event, input: Partial<EventInput> | EventPatch, at: string): void {
  if (input.title != null) record.title = check.text(`${at}.title`, input.title, true);
  if (input.kind != null) record.kind = input.kind;
  if (input.date != null) record.date = check.date(`${at}.date`, input.date)!;
  if (input.location !== undefined) record.location = input.location === null ? undefined : check.text(`${at}.location`, input.location, false);
  if (input.provinceCode !== undefined) {
    check.existsElsewhere(`${at}.provinceCode`, ProvinceRef, input.provinceCode);
    record.provinceCode = input.provinceCode ?? undefined;
  }
  if (input.organizerId !== undefined) {
    check.existsElsewhere(`${at}.organizerId`, CommitteeRef, input.organizerId);
    record.organizerId = input.organizerId ?? undefined;
  }
  if (input.participants != null) {
    record.participants = input.participants.map((given, i) => {
      const field = `${at}.participants[${i}]`;
      if (!given.personId && !given.title && !given.committeeId && !given.agencyId) check.add(field, 'names nobody: give a person, a title, a committee or an agency');
      const roles = given.roles?.length ? [...new Set(given.roles)] : [given.role];
      return Object.assign(new Participant(), {
        role: roles[0],
        roles,
        title: given.title == null ? undefined : check.text(`${field}.title`, given.title, false),
        personId: given.personId,
        committeeId: given.committeeId,
        agencyId: given.agencyId,
      });
    });
    check.existsElsewhere(`${at}.participants.personId`, PersonRef, input.participants.map((p) => p.personId));
    check.existsElsewhere(`${at}.participants.committeeId`, CommitteeRef, input.participants.map((p) => p.committeeId));
    check.existsElsewhere(`${at}.participants.agencyId`, AgencyRef, input.participants.map((p) => p.agencyId));
  }
  if (input.attendingCommitteeCount !== undefined) {
    check.integer(`${at}.attendingCommitteeCount`, input.attendingCommitteeCount, 0, 1000);
    record.attendingCommitteeCount = input.attendingCommitteeCount ?? undefined;
  }
  if (input.bridgePoints !== undefined) {
    check.integer(`${at}.bridgePoints`, input.bridgePoints, 0, 100_000);
    record.bridgePoints = input.bridgePoints ?? undefined;
  }
  if (input.reviewPeriod !== undefined) {
    record.reviewPeriod = input.reviewPeriod
      ? Object.assign(new Period(), { from: check.date(`${at}.reviewPeriod.from`, input.reviewPeriod.from), to: check.date(`${at}.reviewPeriod.to`, input.reviewPeriod.to) })
      : undefined;
    check.period(`${at}.reviewPeriod.to`, record.reviewPeriod?.from, record.reviewPeriod?.to, 'from');
  }
  if (input.tasks != null) record.tasks = input.tasks.map((task, i) => check.text(`${at}.tasks[${i}]`, task, true));
  if (input.conclusionIds != null) {
    check.existsElsewhere(`${at}.conclusionIds`, ConclusionRef, input.conclusionIds);
    record.conclusionIds = [...new Set(input.conclusionIds)];
  }
  if (input.strategyIds != null) {
    check.existsElsewhere(`${at}.strategyIds`, StrategyRef, input.strategyIds);
    record.strategyIds = [...new Set(input.strategyIds)];
  }
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocumentRef);
}

export const EventMutations = writeResolver({
  entity: Event,
  name: 'Event',
  noun: 'an event',
  Input: EventInput,
  Patch: EventPatch,
  create: (check, input) => Object.assign(new Event(), { _id: check.newKey(Event, input.code, `${input.date?.year ?? ''} ${input.title}`, 'input.title') }),
  take,
});
