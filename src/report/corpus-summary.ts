import type { ArticleView, ViewTimex } from './article-view.js';

/**
 * What the corpus page needs, gathered one article at a time: the article views themselves are
 * dropped after `add`, so memory grows with the number of articles and distinct names, never with
 * the text.
 */

export interface ArticleRow {
  readonly id: string;
  readonly title: string;
  readonly dct: string | null;
  readonly href: string;
  readonly sentences: number;
  /** null when the layer was not computed for this article. */
  readonly entities: number | null;
  readonly timexes: number | null;
  readonly cues: number | null;
  readonly tensionIndex: number | null;
  readonly tensionLabel: string | null;
  /** The story's first article when this one is a syndicated or edited copy of it, else null. */
  readonly copyOf: string | null;
}

export interface EntityTotal {
  readonly canonical: string;
  readonly type: string;
  mentions: number;
  articles: number;
}

export interface DyadTotal {
  readonly source: string;
  readonly sourceCode: string | null;
  readonly target: string;
  readonly targetCode: string | null;
  cues: number;
  /** Sum of cue weights (mean weight × cues per article), for the pooled mean. */
  weightSum: number;
  articles: number;
}

export interface ReportProblem {
  readonly id: string;
  readonly where: string;
  readonly reason: string;
}

export interface CorpusSummary {
  readonly articles: readonly ArticleRow[];
  readonly entities: readonly EntityTotal[];
  readonly dyads: readonly DyadTotal[];
  /** "YYYY-MM" -> count of normalized dates in that month / articles published in it. */
  readonly mentionedMonths: ReadonlyMap<string, number>;
  readonly publishedMonths: ReadonlyMap<string, number>;
  /** Normalized dates coarser than a month (a year, a decade) or not on the calendar (PAST_REF). */
  readonly unplacedDates: number;
  readonly totals: { readonly sentences: number; readonly entities: number; readonly timexes: number; readonly cues: number };
  /** How many articles carry each layer: a layer no article has is "not computed" for the corpus. */
  readonly withLayer: { readonly entities: number; readonly timexes: number; readonly tension: number };
  readonly rejected: readonly ReportProblem[];
  readonly unreadable: readonly ReportProblem[];
}

/**
 * The calendar month a normalized date falls in: "2026-02-03" and "2026-02" give "2026-02"; a week
 * or a range inside one month gives that month; a year, a season or PAST_REF give null.
 */
export function monthOfTimex(t: Pick<ViewTimex, 'type' | 'value' | 'rangeStart' | 'rangeEnd'>): string | null {
  if (t.type !== 'DATE' && t.type !== 'TIME') return null;
  const direct = /^(\d{4})-(0[1-9]|1[0-2])(?:$|-|T)/u.exec(t.value);
  if (direct) return `${direct[1]}-${direct[2]}`;
  const start = t.rangeStart?.slice(0, 7);
  const end = t.rangeEnd?.slice(0, 7);
  return start && start === end && /^\d{4}-\d{2}$/u.test(start) ? start : null;
}

export class CorpusAccumulator {
  private readonly articles: ArticleRow[] = [];
  private readonly entities = new Map<string, EntityTotal>();
  private readonly dyads = new Map<string, DyadTotal>();
  private readonly mentioned = new Map<string, number>();
  private readonly published = new Map<string, number>();
  private unplaced = 0;
  private readonly totals = { sentences: 0, entities: 0, timexes: 0, cues: 0 };
  private readonly withLayer = { entities: 0, timexes: 0, tension: 0 };
  private readonly rejected: ReportProblem[] = [];
  private readonly unreadable: ReportProblem[] = [];

  add(view: ArticleView, href: string, copyOf: string | null = null): void {
    const cues = view.tension ? view.sentences.reduce((n, s) => n + (s.tension?.cues.length ?? 0), 0) : null;
    this.articles.push({
      id: view.id,
      title: view.title ?? view.headline?.text ?? view.id,
      dct: view.dct,
      href,
      sentences: view.sentences.length,
      entities: view.entities?.length ?? null,
      timexes: view.timexes?.length ?? null,
      cues,
      tensionIndex: view.tension?.index ?? null,
      tensionLabel: view.tension?.label ?? null,
      copyOf,
    });
    this.totals.sentences += view.sentences.length;
    if (view.entities) {
      this.withLayer.entities++;
      this.totals.entities += view.entities.length;
    }
    for (const e of view.entitySummary ?? []) {
      const key = `${e.type}\u0000${e.canonical}`;
      const total = this.entities.get(key) ?? { canonical: e.canonical, type: e.type, mentions: 0, articles: 0 };
      total.mentions += e.mentions;
      total.articles++;
      this.entities.set(key, total);
    }
    if (view.timexes) {
      this.withLayer.timexes++;
      this.totals.timexes += view.timexes.length;
      for (const t of view.timexes) {
        const month = monthOfTimex(t);
        if (month) this.mentioned.set(month, (this.mentioned.get(month) ?? 0) + 1);
        else this.unplaced++;
      }
    }
    if (view.dct && /^\d{4}-\d{2}/u.test(view.dct)) {
      const month = view.dct.slice(0, 7);
      this.published.set(month, (this.published.get(month) ?? 0) + 1);
    }
    if (view.tension) {
      this.withLayer.tension++;
      this.totals.cues += cues ?? 0;
    }
    for (const d of view.dyads ?? []) {
      const key = `${d.source}\u0000${d.sourceCode ?? ''}\u0000${d.target}\u0000${d.targetCode ?? ''}`;
      const total = this.dyads.get(key) ?? { source: d.source, sourceCode: d.sourceCode, target: d.target, targetCode: d.targetCode, cues: 0, weightSum: 0, articles: 0 };
      total.cues += d.cues;
      total.weightSum += d.meanWeight * d.cues;
      total.articles++;
      this.dyads.set(key, total);
    }
  }

  /** An article the pipeline rejected (listed in the manifest). */
  addRejected(problem: ReportProblem): void {
    this.rejected.push(problem);
  }

  /** An article whose JSON could not be read back: it gets no page. */
  addUnreadable(problem: ReportProblem): void {
    this.unreadable.push(problem);
  }

  summary(): CorpusSummary {
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return {
      articles: [...this.articles].sort((a, b) => byText(a.id, b.id)),
      entities: [...this.entities.values()].sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || byText(a.canonical, b.canonical) || byText(a.type, b.type)),
      dyads: [...this.dyads.values()].sort((a, b) => b.cues - a.cues || byText(a.source, b.source) || byText(a.target, b.target) || byText(a.sourceCode ?? '', b.sourceCode ?? '') || byText(a.targetCode ?? '', b.targetCode ?? '')),
      mentionedMonths: new Map([...this.mentioned].sort((a, b) => byText(a[0], b[0]))),
      publishedMonths: new Map([...this.published].sort((a, b) => byText(a[0], b[0]))),
      unplacedDates: this.unplaced,
      totals: { ...this.totals },
      withLayer: { ...this.withLayer },
      rejected: [...this.rejected].sort((a, b) => byText(a.where, b.where) || byText(a.id, b.id)),
      unreadable: [...this.unreadable].sort((a, b) => byText(a.id, b.id)),
    };
  }
}
