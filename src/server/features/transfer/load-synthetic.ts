import type { Db } from '../../db/client';
import { type SynthOrganisation, synthOrganisation, synthSlugPrefix } from '../../domain/synth/synth-generator';
import { toOpportunityWrite } from '../opportunities/opportunity.service';
import { toOrganisationWrite } from '../organisations/organisation.service';
import { createTransferRepository } from './transfer.repository';

export interface SynthLoadOptions {
  seed: number;
  organisations: number;
  opportunitiesPerOrg: number;
  /** Organisations per transaction; each transaction also carries their opportunities. */
  batchSize?: number;
  /** Rows per INSERT statement. */
  rowsPerStatement?: number;
  onProgress?: (p: SynthProgress) => void;
}

export interface SynthProgress {
  organisations: number;
  opportunities: number;
  skipped: number;
  total: number;
  elapsedMs: number;
}

/**
 * Inserts synthetic organisations 0..n-1 of a seed, with their opportunities, flagged
 * is_synthetic. Records already present (same seed, same index) are skipped, so the load can be
 * resumed or re-run. The generator is covered by tests that validate its output against the
 * contracts, so rows are not re-validated here: that would double the load time.
 */
export async function loadSyntheticData(db: Db, opts: SynthLoadOptions): Promise<SynthProgress> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 1000;
  const perStatement = opts.rowsPerStatement ?? 500;
  const transfer = createTransferRepository(db);
  const prefix = synthSlugPrefix(opts.seed);
  const present = new Set(await transfer.slugsWithPrefix(prefix));
  const progress: SynthProgress = { organisations: 0, opportunities: 0, skipped: 0, total: opts.organisations, elapsedMs: 0 };
  const source = [{ title: `Synthetic data (ponte demo synth --seed ${opts.seed})`, url: null, note: null }];

  for (let start = 0; start < opts.organisations; start += batchSize) {
    const batch: SynthOrganisation[] = [];
    for (let i = start; i < Math.min(start + batchSize, opts.organisations); i++) {
      if (present.has(`${prefix}${i}`)) progress.skipped++;
      else batch.push(synthOrganisation(i, { seed: opts.seed, opportunitiesPerOrg: opts.opportunitiesPerOrg }));
    }
    if (batch.length === 0) continue;
    await db.transaction(async (tx) => {
      const ids = new Map<string, string>();
      for (const chunk of chunks(batch, perStatement)) {
        const writes = chunk.map((o) => toOrganisationWrite(o.input, { slug: o.slug, isSynthetic: true, sources: source }));
        for (const r of await transfer.insertOrganisations(writes, tx)) ids.set(r.slug, r.id);
      }
      const opportunities = batch.flatMap((o) => {
        const organisationId = ids.get(o.slug);
        // A concurrent load may have inserted this organisation first; its opportunities came with it.
        if (!organisationId) return [];
        return o.opportunities.map((p) =>
          toOpportunityWrite({ ...p.input, organisationId }, { isSynthetic: true, externalRef: p.ref }),
        );
      });
      for (const chunk of chunks(opportunities, perStatement)) progress.opportunities += await transfer.insertOpportunities(chunk, tx);
      progress.organisations += ids.size;
    });
    progress.elapsedMs = Math.round(performance.now() - started);
    opts.onProgress?.({ ...progress });
  }
  progress.elapsedMs = Math.round(performance.now() - started);
  return progress;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
