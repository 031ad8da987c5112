// The watch feed: the latest changes of verdict as Atom (/feeds/verdicts.atom, optionally ?organization=ID), written with the `feed` package; each entry links to the explorer's audit of the claim on the day it changed.
import type { RequestHandler } from 'express';
import { Feed } from 'feed';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/index.js';
import { readCaller } from '../api/create-graphql.js';
import { verdictChangePage, type toVerdictChange } from '../resolvers/verdict-resolvers.js';

/** How many changes of verdict one feed holds (newest first); older ones are in the API (verdictChanges). */
export const FEED_ENTRIES = 50;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

type Entry = ReturnType<typeof toVerdictChange>;

const word = (v: string | null | undefined) => (v ? v.toLowerCase() : 'none (not in the store)');

/** The explorer's view of a claim's audit as the graph stood on the day of the change. Pure. */
export function auditViewUrl(base: string, e: Pick<Entry, 'subjectId' | 'claimId' | 'at'>): string {
  const p = new URLSearchParams();
  if (e.subjectId) p.set('root', e.subjectId);
  p.set('asOf', e.at.slice(0, 10));
  p.set('hl', `claim:${e.claimId}`);
  return `${base}/?${p.toString()}`;
}

/** The Atom document for these changes of verdict. Pure. */
export function verdictFeed(base: string, entries: Entry[], organizationId: string | null): string {
  const self = `${base}/feeds/verdicts.atom${organizationId ? `?organization=${encodeURIComponent(organizationId)}` : ''}`;
  const feed = new Feed({
    id: self,
    link: `${base}/`,
    title: `Deep Labour Explorer: changes of verdict${organizationId ? ` on claims by or about ${entries[0]?.subjectName ?? organizationId}` : ''}`,
    description: 'Each time a change to the evidence changes the verdict on a claim, with the change that caused it.',
    updated: entries[0] ? new Date(entries[0].at) : new Date(0),
    copyright: 'See each source cited in the explorer.',
    feedLinks: { atom: self },
    generator: 'Deep Labour Explorer',
  });
  for (const e of entries) {
    const title = `${e.subjectName ?? e.subjectId ?? e.claimId}: ${word(e.old)} → ${word(e.new)} (${e.claimId})`;
    feed.addItem({
      id: `${base}/verdict-changes/${e.id}`,
      title,
      link: auditViewUrl(base, e),
      date: new Date(e.at),
      description: `${e.claimText ? `“${e.claimText}” ` : ''}was ${word(e.old)} and is now ${word(e.new)} after ${e.changeId}${e.changeSummary ? ` (${e.changeSummary})` : ''}.`,
      content: [
        e.explanation ?? '',
        e.evidence.length
          ? `Deciding links: ${e.evidence.slice(0, 20).join(', ')}${e.evidence.length > 20 ? ` and ${e.evidence.length - 20} more` : ''}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  return feed.atom1();
}

/** GET /feeds/verdicts.atom: no token needed unless READ_REQUIRES_TOKEN, then the API's token rules. */
export function verdictFeedHandler(db: Database, readRequiresToken: boolean): RequestHandler {
  return (req, res, next) => {
    const raw = req.query.organization;
    const organizationId = typeof raw === 'string' && raw !== '' ? raw : null;
    if (raw !== undefined && (organizationId === null || !ID.test(organizationId))) {
      res.status(400).json({
        errors: [
          {
            message:
              "organization must be one organisation's id, such as ?organization=ex-taskora (search finds ids by name)",
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      return;
    }
    readCaller(db, req.headers.authorization, readRequiresToken)
      .then(() =>
        verdictChangePage(db, { claimId: null, organizationId, since: null, first: FEED_ENTRIES, after: null }),
      )
      .then(
        (page) => {
          const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
          res.type('application/atom+xml; charset=utf-8').send(
            verdictFeed(
              base,
              page.edges.map((e) => e.node as Entry),
              organizationId,
            ),
          );
        },
        (error: unknown) => {
          if (error instanceof GraphQLError) {
            res
              .status(401)
              .json({ errors: [{ message: error.message, extensions: { code: String(error.extensions.code) } }] });
            return;
          }
          next(error);
        },
      );
  };
}
