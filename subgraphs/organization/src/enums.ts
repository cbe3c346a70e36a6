import { registerEnumType } from 'type-graphql';

export enum Region {
  NORTH = 'NORTH',
  CENTRAL = 'CENTRAL',
  SOUTH = 'SOUTH',
}
registerEnumType(Region, {
  name: 'Region',
  description: 'The three regions of domain.md rule 8 (25, 19 and 19 provincial units).',
  valuesConfig: {
    NORTH: { description: 'Red River Delta plus the Northern Midlands and Mountains: the 25 northern provinces.' },
    CENTRAL: { description: 'North Central and South Central Coast plus the Central Highlands.' },
    SOUTH: { description: 'The Southeast plus the Mekong Delta.' },
  },
});

export enum CommitteeLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
}
registerEnumType(CommitteeLevel, {
  name: 'CommitteeLevel',
  description: 'The central steering committee, or one of a province or centrally-run city.',
});
