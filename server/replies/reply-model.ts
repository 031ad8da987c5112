// The right of reply as the API answers it: a stored request for reply, where it stands today, and the sentence that says so. Pure.
import { replyStatus, type ReplyStatus } from '../../format/model.js';
import { dayInWords } from '../../vocabulary/dates.js';
import { toSource } from '../models/to-models.js';
import type { SourceModel } from '../models/models.js';

type Row = Record<string, unknown>;

export interface ReplyModel {
  id: string;
  organizationId: string;
  organizationName: string | null;
  askedOn: string;
  askedBy: string;
  claimIds: string[];
  linkIds: string[];
  deadline: string;
  answeredOn: string | null;
  answer: string | null;
  answerSource: SourceModel | null;
  note: string | null;
  status: ReplyStatus;
  summary: string;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The day (UTC, YYYY-MM-DD) of a moment, on which a reply read as recorded then has its status; undefined for none. Pure. */
export function dayOf(at: string | undefined): string | undefined {
  return at === undefined ? undefined : new Date(at).toISOString().slice(0, 10);
}

/** A reply from its stored properties (`reply`), the asked organisation's name and the answer's source, read on day `today`. */
export function toReply(
  row: { reply: Row; organizationName?: unknown; answerSource?: unknown },
  today: string,
): ReplyModel {
  const r = row.reply;
  const base = {
    id: String(r.id),
    organizationId: String(r.organization),
    organizationName: text(row.organizationName),
    askedOn: String(r.askedOn),
    askedBy: String(r.askedBy),
    claimIds: ids(r.claims),
    linkIds: ids(r.links),
    deadline: String(r.deadline),
    answeredOn: text(r.answeredOn),
    answer: text(r.answer),
    answerSource: row.answerSource ? toSource(row.answerSource as Row) : null,
    note: text(r.note),
  };
  const status = replyStatus(
    { deadline: base.deadline, ...(base.answeredOn ? { answeredOn: base.answeredOn } : {}) },
    today,
  );
  return { ...base, status, summary: replySentence({ ...base, status }) };
}

/**
 * The reply in one sentence: "Taskora was asked on 3 March 2026 and answered on 17 March 2026: …", "… did not answer by
 * 17 March 2026", "… was asked on 3 March 2026; an answer is due by 17 March 2026". Pure.
 */
export function replySentence(
  r: Pick<
    ReplyModel,
    'organizationName' | 'organizationId' | 'askedOn' | 'deadline' | 'answeredOn' | 'answer' | 'status'
  > & {
    answerSource?: { title: string } | null;
  },
): string {
  const who = r.organizationName ?? r.organizationId;
  const asked = `${who} was asked on ${dayInWords(r.askedOn)}`;
  if (r.status === 'ANSWERED') {
    const source = r.answerSource ? ` (source: ${r.answerSource.title})` : '';
    return `${asked} and answered on ${dayInWords(r.answeredOn ?? '')}${r.answer ? `: ${r.answer}` : ''}${source}`;
  }
  if (r.status === 'NO_ANSWER') return `${asked} and did not answer by ${dayInWords(r.deadline)}`;
  return `${asked}; an answer is due by ${dayInWords(r.deadline)}`;
}
