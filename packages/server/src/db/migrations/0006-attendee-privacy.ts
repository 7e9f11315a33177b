export const name = '0006-attendee-privacy';

export const sql = /* sql */ `
-- Whether readers see who is going (names and faces) or only how many.
ALTER TABLE rsvp_events ADD COLUMN show_attendees boolean NOT NULL DEFAULT true;
`;
