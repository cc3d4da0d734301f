import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import { ContactList, ContactListQuery, ContactRequest, ContactRequestInput } from '../../../contracts/contacts';
import type { ContactsService } from './contacts.service';

export const contactRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService; contactRateLimitPerMinute: number }> = async (
  app,
  { contacts, contactRateLimitPerMinute },
) => {
  const tags = ['contacts'];
  const params = z.object({ id: Uuid });

  app.post('/contacts', {
    schema: {
      tags,
      summary: 'Express interest in an organisation or one of its opportunities, with a message',
      body: ContactRequestInput,
      response: { 201: ContactRequest },
    },
    config: { rateLimit: { max: contactRateLimitPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => reply.status(201).send(await contacts.create(request.body, request.viewer)));

  app.get('/contacts', {
    schema: { tags, summary: 'Contact requests of your organisations: inbox or sent', querystring: ContactListQuery, response: { 200: ContactList } },
  }, async (request) => contacts.list(request.query, request.viewer));

  app.post('/contacts/:id/accept', {
    schema: { tags, summary: 'Accept a request: both sides see each other’s contact details', params, response: { 200: ContactRequest } },
  }, async (request) => contacts.respond(request.params.id, 'accepted', request.viewer));

  app.post('/contacts/:id/decline', {
    schema: { tags, summary: 'Decline a request', params, response: { 200: ContactRequest } },
  }, async (request) => contacts.respond(request.params.id, 'declined', request.viewer));

};
