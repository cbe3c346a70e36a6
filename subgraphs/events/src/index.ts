export { events } from './subgraph.js';
export { Event } from './entities/event.entity.js';
export { Participant } from './entities/participant.embeddable.js';
export { Period } from './entities/period.embeddable.js';
export { EventKind, ParticipantRole } from './enums.js';
