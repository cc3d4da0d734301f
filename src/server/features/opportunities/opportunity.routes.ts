import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import {
  Opportunity,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
} from '../../../contracts/opportunity';
import type { OpportunityService } from './opportunity.service';

export const opportunityRoutes: FastifyPluginAsyncZod<{ opportunities: OpportunityService }> = async (app, { opportunities }) => {
  const tags = ['opportunities'];
  const params = z.object({ id: Uuid });

  app.get('/opportunities', { schema: { tags, summary: 'Opportunities, filtered, newest first, by cursor', querystring: OpportunityListQuery, response: { 200: OpportunityPage } } },
    async (request) => opportunities.list(request.query, request.viewer));

  app.get('/opportunities/:id', { schema: { tags, summary: 'One opportunity', params, response: { 200: Opportunity } } },
    async (request) => opportunities.get(request.params.id, request.viewer));

  app.post('/opportunities', { schema: { tags, summary: 'Create an opportunity for an organisation you belong to', body: OpportunityInput, response: { 201: Opportunity } } },
    async (request, reply) => reply.status(201).send(await opportunities.create(request.body, request.viewer)));

  app.patch('/opportunities/:id', { schema: { tags, summary: 'Edit an opportunity: a JSON Merge Patch, where null clears an optional field', params, body: OpportunityPatch, response: { 200: Opportunity } } },
    async (request) => opportunities.update(request.params.id, request.body, request.viewer));
};
