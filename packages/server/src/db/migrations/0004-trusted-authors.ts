export const name = '0004-trusted-authors';

// moderation "first": whether an author has a published comment, asked at each of their posts.
export const sql = /* sql */ `
CREATE INDEX comments_author_published ON comments (author_id) WHERE status = 'published';
`;
