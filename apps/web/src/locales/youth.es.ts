import type { youthEn } from './youth.en';

export const youthEs: typeof youthEn = {
  nav: 'Programa juvenil', participants: 'Participantes', checkIns: 'Seguimientos', incidents: 'Incidentes', reports: 'Informes',
  filters: { q: 'El nombre contiene', delegation: 'Delegación', minor: 'Menores', nationality: 'Nacionalidad (código ISO)', all: 'Todos', yes: 'Solo menores', no: 'Solo adultos', allergies: 'Alergias' },
  coding: { needsCoding: 'falta codificar', note: 'Nota (tal como se escribió)', help: 'Esta nota aún no está codificada: el huésped no se asigna a ninguna familia con mascotas. Elija los códigos que significa y confirme.', codes: 'Códigos de alérgenos', confirm: 'Los códigos cubren la nota', done: 'Alergias codificadas' },
  list: { name: 'Nombre', dateOfBirth: 'Fecha de nacimiento', gender: 'Género', nationality: 'Nacionalidad', empty: 'Ningún participante coincide.', total: '{{count}} participantes' },
  genders: { female: 'Mujer', male: 'Hombre', 'non-binary': 'No binario', undisclosed: 'No indicado' },
  record: {
    back: 'Todos los participantes', languages: 'Idiomas', diet: 'Dieta', allergies: 'Alergias', consent: 'Tutores y consentimiento', noGuardians: 'Ningún tutor registrado.',
    consentGiven: 'Consentimiento dado el {{date}}', consentExpires: 'caduca el {{date}}', noConsent: 'Sin consentimiento registrado', scope: 'Alcance', emergency: 'Contactos de emergencia', noContacts: 'Ningún contacto de emergencia registrado.',
    medical: 'Notas médicas', noMedical: 'Ninguna registrada.', passport: 'Pasaporte', passportExpiry: 'Caducidad del pasaporte', visa: 'Visado',
  },
  checkIn: {
    title: 'Seguimientos', chooseDelegation: 'Elija una delegación', overdue: 'Atrasados: sin seguimiento en {{hours}} h', overdueNone: 'Nadie está atrasado.',
    last: 'Último seguimiento', never: 'nunca', member: 'Miembro', method: 'Medio', rating: 'Bienestar (1–5)', notes: 'Notas', checkedAt: 'Cuándo', record: 'Registrar seguimiento', recorded: 'Seguimiento registrado',
    alert: 'alerta de bienestar', methods: { 'in-person': 'En persona', phone: 'Teléfono', video: 'Vídeo', message: 'Mensaje' }, empty: 'Aún no hay seguimientos.',
  },
  incident: {
    title: 'Incidentes', open: 'Abrir un incidente', delegation: 'Delegación', type: 'Tipo', severity: 'Gravedad', description: 'Descripción', participants: 'Personas implicadas', occurredAt: 'Ocurrió el',
    submit: 'Abrir incidente', opened: 'Incidente abierto', status: 'Estado', clock: 'Plazo para informar', noClock: 'sin plazo', overdue: 'vencido', reportedTo: 'Informado a', report: 'Marcar como informado',
    reportedDone: 'informado a {{to}}', close: 'Cerrar', empty: 'No hay incidentes.', filter: 'Estado', all: 'Todos',
    types: { 'abuse-allegation': 'Denuncia de abuso', injury: 'Lesión', illness: 'Enfermedad', 'missing-person': 'Persona desaparecida', behaviour: 'Conducta', other: 'Otro' },
    severities: { low: 'Baja', medium: 'Media', high: 'Alta', critical: 'Crítica' },
    statuses: { open: 'Abierto', reported: 'Informado', closed: 'Cerrado' },
  },
  report: {
    title: 'Informe de participantes', total: '{{count}} participantes', overdue: '{{count}} miembros sin seguimiento en {{hours}} h', csv: 'Exportar CSV', none: 'Sin datos.',
    bar: '{{label}}: {{count}}',
    dims: { programmeArea: 'Por programa', gender: 'Por género', ageBand: 'Por edad', nationality: 'Por país' },
  },
};
