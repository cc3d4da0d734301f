import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Locale, Uuid } from '../../../contracts/common';
import {
  Agenda, AgendaQuery, Event, EventInput, EventList, EventPatch, Interpreter, InterpreterInput, InterpreterList, Meeting, MeetingInput, MeetingList,
  MeetingPatch, MeetingRequest, MeetingRequestInput, MeetingRequestList, MeetingRequestQuery, Participant, ParticipantList, ParticipantSettings,
  RegistrationInput, ScheduleInput, ScheduleRun, SlotGridInput, TablesInput,
} from '../../../contracts/events';
import type { EventService } from './event.service';
import { eventDayRoutes } from './event-day.routes';
import { eventErrorHandler } from './event-problems';

export const eventRoutes: FastifyPluginAsyncZod<{ events: EventService }> = async (app, { events: svc }) => {
  // Constraint violations and event-day problems carry their own catalogue namespace.
  app.setErrorHandler(eventErrorHandler);
  await app.register(eventDayRoutes, { events: svc });
  const tags = ['events'];
  const id = z.object({ id: Uuid });
  const withPid = z.object({ id: Uuid, pid: Uuid });
  const withIid = z.object({ id: Uuid, iid: Uuid });
  const withRid = z.object({ id: Uuid, rid: Uuid });
  const withMid = z.object({ id: Uuid, mid: Uuid });

  app.post('/events', { schema: { tags, summary: 'Create an event (organiser), with its slot grid and tables', body: EventInput, response: { 201: Event } } },
    async (req, reply) => reply.status(201).send(await svc.events.create(req.body, req.viewer)));
  app.get('/events', { schema: { tags, summary: 'Events open to everyone, and drafts you organise', response: { 200: EventList } } },
    async (req) => svc.events.list(req.viewer));
  app.get('/events/:id', { schema: { tags, summary: 'An event with its slots and tables', params: id, response: { 200: Event } } },
    async (req) => svc.events.get(req.params.id, req.viewer));
  app.patch('/events/:id', { schema: { tags, summary: 'Edit an event (organiser)', params: id, body: EventPatch, response: { 200: Event } } },
    async (req) => svc.events.update(req.params.id, req.body, req.viewer));
  app.put('/events/:id/grid', { schema: { tags, summary: 'Regenerate the slots from days × sessions (before any meeting exists)', params: id, body: SlotGridInput, response: { 200: Event } } },
    async (req) => svc.events.setGrid(req.params.id, req.body, req.viewer));
  app.put('/events/:id/tables', { schema: { tags, summary: 'Set the tables or online rooms, in order', params: id, body: TablesInput, response: { 200: Event } } },
    async (req) => svc.events.setTables(req.params.id, req.body, req.viewer));

  app.post('/events/:id/participants', { schema: { tags, summary: 'Register your organisation', params: id, body: RegistrationInput, response: { 201: Participant } } },
    async (req, reply) => reply.status(201).send(await svc.participants.register(req.params.id, req.body, req.viewer)));
  app.get('/events/:id/participants', { schema: { tags, summary: 'Participants you may see', params: id, response: { 200: ParticipantList } } },
    async (req) => svc.participants.list(req.params.id, req.viewer));
  app.patch('/events/:id/participants/:pid', { schema: { tags, summary: 'Availability, languages, maximum, remote attendance', params: withPid, body: ParticipantSettings, response: { 200: Participant } } },
    async (req) => svc.participants.updateSettings(req.params.id, req.params.pid, req.body, req.viewer));
  app.post('/events/:id/participants/:pid/approve', { schema: { tags, summary: 'Approve a registration (organiser)', params: withPid, response: { 200: Participant } } },
    async (req) => svc.participants.decide(req.params.id, req.params.pid, 'approved', req.viewer));
  app.post('/events/:id/participants/:pid/reject', { schema: { tags, summary: 'Reject a registration (organiser)', params: withPid, response: { 200: Participant } } },
    async (req) => svc.participants.decide(req.params.id, req.params.pid, 'rejected', req.viewer));

  app.get('/events/:id/interpreters', { schema: { tags, summary: 'Interpreters (organiser)', params: id, response: { 200: InterpreterList } } },
    async (req) => svc.interpreters.list(req.params.id, req.viewer));
  app.post('/events/:id/interpreters', { schema: { tags, summary: 'Add an interpreter (organiser)', params: id, body: InterpreterInput, response: { 201: Interpreter } } },
    async (req, reply) => reply.status(201).send(await svc.interpreters.create(req.params.id, req.body, req.viewer)));
  app.put('/events/:id/interpreters/:iid', { schema: { tags, summary: 'Replace an interpreter’s details (organiser)', params: withIid, body: InterpreterInput, response: { 200: Interpreter } } },
    async (req) => svc.interpreters.replace(req.params.id, req.params.iid, req.body, req.viewer));
  app.delete('/events/:id/interpreters/:iid', { schema: { tags, summary: 'Remove an interpreter with no meetings (organiser)', params: withIid } },
    async (req, reply) => {
      await svc.interpreters.remove(req.params.id, req.params.iid, req.viewer);
      return reply.status(204).send();
    });

  app.post('/events/:id/requests', { schema: { tags, summary: 'Ask another participant for a meeting', params: id, body: MeetingRequestInput, response: { 201: MeetingRequest } } },
    async (req, reply) => reply.status(201).send(await svc.meetings.request(req.params.id, req.body, req.viewer)));
  app.get('/events/:id/requests', { schema: { tags, summary: 'Meeting requests of your participants (all for organisers)', params: id, querystring: MeetingRequestQuery, response: { 200: MeetingRequestList } } },
    async (req) => svc.meetings.listRequests(req.params.id, req.query.participant, req.viewer));
  app.post('/events/:id/requests/:rid/accept', { schema: { tags, summary: 'Accept a meeting request (the asked side)', params: withRid, response: { 200: MeetingRequest } } },
    async (req) => svc.meetings.respond(req.params.id, req.params.rid, 'accepted', req.viewer));
  app.post('/events/:id/requests/:rid/decline', { schema: { tags, summary: 'Decline a meeting request (the asked side)', params: withRid, response: { 200: MeetingRequest } } },
    async (req) => svc.meetings.respond(req.params.id, req.params.rid, 'declined', req.viewer));

  app.get('/events/:id/meetings', { schema: { tags, summary: 'All meetings: the slot × table grid (organiser)', params: id, response: { 200: MeetingList } } },
    async (req) => svc.meetings.list(req.params.id, req.viewer));
  app.post('/events/:id/meetings', { schema: { tags, summary: 'Add a meeting by hand (organiser); pinned by default', params: id, body: MeetingInput, response: { 201: Meeting } } },
    async (req, reply) => reply.status(201).send(await svc.meetings.add(req.params.id, req.body, req.viewer)));
  app.patch('/events/:id/meetings/:mid', { schema: { tags, summary: 'Move, pin or unpin a meeting, or mark it held or no-show (organiser); refuses hard-constraint violations with 409', params: withMid, body: MeetingPatch, response: { 200: Meeting } } },
    async (req) => svc.meetings.update(req.params.id, req.params.mid, req.body, req.viewer));
  app.post('/events/:id/meetings/:mid/cancel', { schema: { tags, summary: 'Cancel a meeting (organiser)', params: withMid, response: { 200: Meeting } } },
    async (req) => svc.meetings.cancel(req.params.id, req.params.mid, req.viewer));
  app.post('/events/:id/meetings/:mid/restore', { schema: { tags, summary: 'Undo a cancellation: the same meeting back in its slot, table and interpreter when every hard constraint still holds, else 409 naming the violations (organiser)', params: withMid, response: { 200: Meeting } } },
    async (req) => svc.meetings.restore(req.params.id, req.params.mid, req.viewer));

  app.post('/events/:id/schedule', { schema: { tags, summary: 'Run the scheduler and replace the unpinned meetings in one transaction (organiser)', params: id, body: ScheduleInput, response: { 200: ScheduleRun } } },
    async (req) => svc.schedule(req.params.id, req.body, req.viewer, req.locale));

  app.get('/events/:id/agenda', { schema: { tags, summary: 'A participant’s agenda in the caller’s language and the participant’s time zone', params: id, querystring: AgendaQuery, response: { 200: Agenda } } },
    async (req) => svc.agendas.agenda(req.params.id, req.query.participant, req.viewer, req.locale));
  app.get('/events/:id/participants/:pid/agenda.ics', { schema: { tags, summary: 'The agenda as an iCalendar feed (RFC 5545) with stable UIDs', params: withPid } },
    async (req, reply) => {
      const text = await svc.agendas.ical(req.params.id, req.params.pid, req.viewer, req.locale);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="agenda-${req.params.pid}.ics"`)
        .send(text);
    });
  app.post('/events/:id/participants/:pid/calendar-link', { schema: { tags, summary: 'A new secret calendar-feed link for a participant (the previous one stops working)', params: withPid, response: { 200: z.object({ url: z.string() }) } } },
    async (req) => svc.agendas.calendarLink(req.params.id, req.params.pid, req.viewer));
  app.get('/calendar/:file', { schema: { tags, summary: 'The agenda feed behind a secret link, for calendar apps (no cookie needed)', params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) }), querystring: z.object({ lang: Locale.optional() }) } },
    async (req, reply) => {
      const text = await svc.agendas.icalByToken(req.params.file.slice(0, -'.ics'.length), req.query.lang ?? req.locale);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(text);
    });
};
