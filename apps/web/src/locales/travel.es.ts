import type { TravelMessages } from './travel.en';

export const travelEs: TravelMessages = {
  link: 'Viajes y logística', title: 'Viajes: {{title}}', back: 'Volver a la delegación',
  manifests: 'Manifiestos', arrivals: 'Llegadas', departures: 'Salidas', csv: 'CSV', html: 'Imprimible', noEntries: 'No hay viajes registrados.',
  time: 'Hora', transport: 'Transporte', route: 'Ruta', travellers: 'Viajeros', travellersCount: '{{count}} viajeros',
  pickups: 'Recogidas', pickupSheet: 'Hoja de recogidas (imprimible)', noPlan: 'Aún no hay recogidas planificadas.', airport: 'Aeropuerto', meeting: 'Encuentro', driver: 'Conductor',
  seats: 'Plazas', members: 'Miembros', safeguarding: 'Regla de menores', ok: 'Correcto', waiting: 'Informe de esperas', lands: 'Aterriza', wait: 'Espera',
  minutes: '{{minutes}} min', totalWait: 'Espera total: {{minutes}} min', notPickedUp: 'Sin recogida',
  lodging: 'Alojamiento noche a noche', night: 'Noche', gaps: '{{count}} sin cama', noGaps: 'Todos tienen cama cada noche.', noNights: 'No hay noches que mostrar.',
  lodgingStatus: { ok: 'Correcto', gap: 'Sin cama', double: 'Reserva doble', 'not-needed': 'No necesita' },
  conflicts: 'Conflictos', noConflicts: 'No hay conflictos abiertos.',
  feeds: 'Calendarios', kind: 'Tipo', kinds: { delegation: 'Delegación', participant: 'Participante', family: 'Familia anfitriona' }, subject: 'Miembro o familia',
  created: 'Creado', lastFetched: 'Última lectura', never: 'nunca', active: 'Activo', revoked: 'Revocado', revoke: 'Revocar', createFeed: 'Crear calendario',
  feedUrl: 'Copie esta dirección ahora; solo se muestra una vez:', noFeeds: 'No hay calendarios.',
  deliveries: 'Registro de envío de notificaciones', noDeliveries: 'No se ha enviado ninguna notificación.', when: 'Cuándo', channel: 'Canal', type: 'Tipo', message: 'Mensaje',
  status: 'Estado', attempts: 'Intentos', lastError: 'Último error',
  assign: 'Asignar a mano', guest: 'Huésped', family: 'Familia', choose: 'Elija…', assignSubmit: 'Asignar', assigned: 'Oferta enviada a la familia.',
  brokenRules: 'Esta pareja incumple estas reglas:', notOverridable: 'Estas reglas no se pueden pasar por alto.', acknowledge: 'Lo sé, asignar de todos modos',
  note: 'Motivo (se guarda con la oferta)', assignAnyway: 'Asignar de todos modos', overridden: 'Asignado con una excepción.',
};
