import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DisplayNames, LocalisedShortText, LocalisedText } from '../../contracts/common';
import { OrganisationInput } from '../../contracts/organisation';
import { OpportunityInput } from '../../contracts/opportunity';
import type { Db } from '../db/client';
import { checkCodes, toOrganisationWrite } from '../features/organisations/organisation.service';
import { createOrganisationRepository } from '../features/organisations/organisation.repository';
import { createOpportunityRepository } from '../features/opportunities/opportunity.repository';
import { toOpportunityWrite } from '../features/opportunities/opportunity.service';
import type { ReferenceData } from '../features/reference/reference-data';

const DEMO_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-data.json');

const Source = z.object({
  id: z.string(),
  title: z.string(),
  file: z.string(),
  publisher: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
});

const DemoOrganisation = z.object({
  slug: z.string(),
  kind: OrganisationInput.shape.kind,
  legalName: z.string(),
  names: DisplayNames,
  country: z.string(),
  region: z.string().optional(),
  city: z.string().optional(),
  sectors: z.array(z.string()).default([]),
  products: z.array(z.string()).default([]),
  languages: z.array(z.string()).default([]),
  description: LocalisedText,
  sources: z.array(z.string()).min(1),
  memberOf: z.array(z.string()).default([]),
  keyFacts: z
    .array(
      z.object({
        label: LocalisedShortText,
        value: z.number(),
        unit: z.string(),
        year: z.number().int().nullable().optional(),
        source: z.string(),
      }),
    )
    .default([]),
});

const DemoOpportunity = z.object({
  key: z.string(),
  organisation: z.string(),
  direction: z.enum(['offer', 'request']),
  type: OpportunityInput.shape.type,
  title: LocalisedShortText,
  description: LocalisedText,
  sectors: z.array(z.string()).default([]),
  products: z.array(z.string()).default([]),
  targetCountries: z.array(z.string()).default([]),
  status: z.enum(['draft', 'open', 'closed']).default('open'),
});

export const DemoFile = z.object({
  sources: z.array(Source),
  organisations: z.array(DemoOrganisation),
  opportunities: z.array(DemoOpportunity),
});
export type DemoFile = z.infer<typeof DemoFile>;

export async function readDemoFile(file = DEMO_FILE): Promise<DemoFile> {
  return DemoFile.parse(JSON.parse(await fs.readFile(file, 'utf8')));
}

/**
 * Loads the demo organisations, district memberships, key facts and example opportunities drawn
 * from the seed articles, in one transaction. Idempotent: organisations are keyed by slug and
 * opportunities by `demo:<key>`, so a second load updates rather than duplicates. Without `force`
 * it does nothing once demo data exists, which keeps restarts fast.
 */
export async function loadDemoData(
  db: Db,
  reference: ReferenceData,
  opts: { force?: boolean; file?: string } = {},
): Promise<{ loaded: boolean; organisations: number; opportunities: number }> {
  if (!opts.force) {
    const { rows } = await db.query('select 1 from organisations where is_demo limit 1');
    if (rows.length) return { loaded: false, organisations: 0, opportunities: 0 };
  }
  const demo = await readDemoFile(opts.file);
  const sources = new Map(demo.sources.map((s) => [s.id, s]));
  const sourceTitle = (id: string) => {
    const s = sources.get(id);
    if (!s) throw new Error(`demo data: unknown source ${id}`);
    return `${s.title}${s.publisher ? ` — ${s.publisher}` : ''}${s.date ? ` (${s.date})` : ''}`;
  };

  await db.transaction(async (tx) => {
    const orgs = createOrganisationRepository(tx);
    const opps = createOpportunityRepository(tx);
    const ids = new Map<string, string>();
    for (const o of demo.organisations) {
      const input = OrganisationInput.parse({
        kind: o.kind,
        legalName: o.legalName,
        names: o.names,
        country: o.country,
        region: o.region,
        city: o.city,
        sectors: o.sectors,
        products: o.products,
        languages: o.languages,
        description: o.description,
        dataRegion: o.country === 'CN' ? 'cn' : 'eu',
      });
      const codeErrors = checkCodes(reference, input);
      if (codeErrors.length) throw new Error(`demo data: ${o.slug}: ${JSON.stringify(codeErrors)}`);
      const id = await orgs.upsertBySlug(
        toOrganisationWrite(input, {
          slug: o.slug,
          isDemo: true,
          sources: o.sources.map((s) => ({ title: sourceTitle(s), url: null, note: `seed article ${sources.get(s)!.file}` })),
        }),
      );
      ids.set(o.slug, id);
      await orgs.replaceKeyFacts(
        id,
        o.keyFacts.map((f) => ({
          label: f.label,
          value: f.value,
          unit: f.unit,
          year: f.year ?? null,
          source_title: sourceTitle(f.source),
          source_url: null,
        })),
      );
    }
    for (const o of demo.organisations) {
      for (const district of o.memberOf) {
        const districtId = ids.get(district);
        if (!districtId) throw new Error(`demo data: ${o.slug} is member of unknown ${district}`);
        await orgs.addDistrictMember(districtId, ids.get(o.slug)!);
      }
    }
    for (const p of demo.opportunities) {
      const organisationId = ids.get(p.organisation);
      if (!organisationId) throw new Error(`demo data: opportunity ${p.key} has unknown organisation`);
      const { key, organisation: _slug, ...fields } = p;
      const input = OpportunityInput.parse({ ...fields, organisationId });
      await opps.upsertByRef(toOpportunityWrite(input, { isExample: true, externalRef: `demo:${key}` }));
    }
  });
  return { loaded: true, organisations: demo.organisations.length, opportunities: demo.opportunities.length };
}
