import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import {
  AnalysisRequest, ConceptList, ConceptQuery, MatchEventBatch, MatchIndexStatus, MatchList, MatchQuery, SavedMatchInput, SavedMatchKey, SavedMatchList, TextUnderstanding,
} from '../../../contracts/matching';
import type { MatchingService } from './matching.service';

export const matchingRoutes: FastifyPluginAsyncZod<{ matching: MatchingService; analysisRateLimitPerMinute: number }> = async (
  app,
  { matching, analysisRateLimitPerMinute },
) => {
  const tags = ['matching'];

  app.get('/opportunities/:id/matches', {
    schema: {
      tags,
      summary: 'Counterparts for an opportunity: opportunities and organisations, best first, each explained',
      params: z.object({ id: Uuid }),
      querystring: MatchQuery,
      response: { 200: MatchList },
    },
  }, async (request) => matching.forOpportunity(request.params.id, request.query, request.viewer, request.locale));

  app.get('/organisations/:id/partners', {
    schema: {
      tags,
      summary: 'Recommended partners for an organisation (by id or slug), best first, each explained',
      params: z.object({ id: z.string().min(1).max(200) }),
      querystring: MatchQuery,
      response: { 200: MatchList },
    },
  }, async (request) => matching.forOrganisation(request.params.id, request.query, request.viewer, request.locale));

  app.post('/analysis', {
    schema: {
      tags,
      summary: '"What we understood": concepts, cooperation type, quantities, places and dates in a text (≤ 20,000 characters)',
      body: AnalysisRequest,
      response: { 200: TextUnderstanding },
    },
    config: { rateLimit: { max: analysisRateLimitPerMinute, timeWindow: '1 minute' } },
  }, async (request) => matching.understand(request.body.text, request.locale));

  app.get('/concepts', {
    schema: {
      tags,
      summary: 'Taxonomy concepts whose label in any language matches q (or the concepts named by id), labelled in the reader\'s language',
      querystring: ConceptQuery,
      response: { 200: ConceptList },
    },
  }, async (request) => matching.concepts(request.query, request.locale));

  app.post('/matching/events', {
    schema: { tags, summary: 'Record impressions, saves or dismissals of recommendations (up to 50 at once)', body: MatchEventBatch },
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    await matching.recordEvents(request.body.events, request.viewer);
    return reply.status(204).send();
  });

  app.get('/matching/saved', {
    schema: { tags, summary: 'Your saved recommendations, newest first', response: { 200: SavedMatchList } },
  }, async (request) => matching.saved.list(request.viewer));

  app.get('/matching/saved/keys', {
    schema: { tags, summary: 'The candidate keys you saved (to mark recommendation cards)', response: { 200: z.object({ keys: z.array(z.string()) }) } },
  }, async (request) => ({ keys: await matching.saved.keys(request.viewer) }));

  app.put('/matching/saved', {
    schema: { tags, summary: 'Save a recommendation (again: refreshes its place at the top)', body: SavedMatchInput },
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    await matching.saved.save(request.body, request.viewer);
    return reply.status(204).send();
  });

  app.delete('/matching/saved', {
    schema: { tags, summary: 'Remove a saved recommendation', querystring: SavedMatchKey },
  }, async (request, reply) => {
    await matching.saved.unsave(request.query.candidate, request.viewer);
    return reply.status(204).send();
  });

  app.get('/matching/status', {
    schema: { tags, summary: 'Matching index: build progress and active layers', response: { 200: MatchIndexStatus } },
  }, async () => matching.status());
};
