import type { DelegationMessages } from './delegation.en';

export const delegationEs: DelegationMessages = {
  rematch: 'reasignación',
  form: {
    title: 'Título', hostCity: 'Ciudad anfitriona', startDate: 'Primer día', endDate: 'Último día',
    direction: 'Sentido', directions: { outbound: 'Salida: visitamos nuestra ciudad hermana', inbound: 'Llegada: recibimos visitantes de nuestra ciudad hermana' },
    partnership: 'Ciudad hermana', noPartnership: 'Sin hermanamiento',
    purpose: 'Propósito', programmeArea: 'Área del programa', noArea: 'Sin indicar',
    areas: {
      'arts-culture': 'Arte y cultura', 'youth-education': 'Juventud y educación', 'economic-development': 'Desarrollo económico',
      'municipal-technical': 'Municipal y técnica', humanitarian: 'Humanitaria',
    },
    hostTimeZone: 'Zona horaria anfitriona', zoneAutomatic: 'Automática (la de la ciudad hermana en una visita de salida; si no, UTC)',
    zoneHint: 'Las horas del itinerario se introducen y se muestran en esta zona.',
    minorsPerAdult: 'Menores por adulto', minorsPerAdultHint: 'Al menos un adulto (18 años o más) por cada tantos menores.',
  },
  create: { button: 'Nueva delegación', title: 'Nueva delegación', submit: 'Crear la delegación', cancel: 'Volver a las delegaciones' },
  details: {
    title: 'Datos', edit: 'Editar los datos', save: 'Guardar los datos', saved: 'Datos guardados', cancel: 'Cancelar',
    ratio: 'Un adulto por cada {{count}} menores', direction: 'Sentido', purpose: 'Propósito',
    partnership: 'Ciudad hermana', programmeArea: 'Área del programa',
  },
  lifecycle: {
    title: 'Estado',
    to: { planning: 'Empezar la planificación', confirmed: 'Confirmar la delegación', 'in-progress': 'Empezar la visita', completed: 'Marcar como completada', cancelled: 'Cancelar la delegación' },
    reason: 'Motivo de la cancelación', confirmCancel: 'Sí, cancelar la delegación', keep: 'Mantener la delegación',
    done: 'El estado ahora es: {{status}}', closed: 'Esta delegación está cerrada y ya no puede cambiar.', cancelledReason: 'Cancelada: {{reason}}',
  },
  member: {
    actions: 'Acciones', edit: 'Editar', editLabel: 'Editar a {{name}}', remove: 'Quitar', removeLabel: 'Quitar a {{name}}',
    confirmRemove: 'Sí, quitar a {{name}}', keep: 'Mantener', change: 'Cambiar a {{name}}', notes: 'Notas', save: 'Guardar el miembro', cancel: 'Cancelar',
  },
  register: {
    title: 'Registrar a un nuevo participante', hint: 'Para alguien que aún no es participante: se registra con sus necesidades y se añade a esta delegación.',
    open: 'Registrar a un nuevo participante', close: 'Cerrar el formulario',
    person: 'La persona', givenName: 'Nombre', familyName: 'Apellidos', dateOfBirth: 'Fecha de nacimiento', gender: 'Género',
    genders: { female: 'Mujer', male: 'Hombre', 'non-binary': 'No binario', undisclosed: 'Prefiere no decirlo' },
    nationality: 'Nacionalidad', nationalityHint: 'Código de país de dos letras, p. ej. US o CN',
    languages: 'Idiomas', languagesHint: 'Códigos de idioma separados por comas, p. ej. en, zh',
    needs: 'Necesidades', diet: 'Necesidades alimentarias', allergies: 'Alergias', dietNote: 'Nota sobre la dieta', allergyNote: 'Nota sobre las alergias', allergyNoteHelp: 'Para lo que ningún código de arriba dice; la nota queda marcada para que un responsable de jóvenes la codifique',
    contact: 'Contacto de emergencia', contactName: 'Nombre del contacto', contactRelation: 'Relación del contacto', contactPhone: 'Teléfono del contacto', contactEmail: 'Correo del contacto',
    guardian: 'Tutor (para un participante menor de 18 años)', addGuardian: 'Añadir un tutor', guardianName: 'Nombre del tutor', guardianRelation: 'Relación del tutor',
    guardianPhone: 'Teléfono del tutor', guardianEmail: 'Correo del tutor', consent: 'El tutor ha dado su consentimiento', consentExpires: 'Consentimiento válido hasta',
    membership: 'En esta delegación', submit: 'Registrar y añadir',
    done: '{{name}} se ha registrado y añadido a la delegación', registeredOnly: '{{name}} está registrado pero aún no se ha añadido: corrija los datos de la delegación e inténtelo de nuevo.',
  },
  itinerary: {
    title: 'Itinerario', zone: 'Las horas están en la zona horaria de la ciudad anfitriona: {{zone}}', empty: 'Aún no hay actividades.',
    activity: 'Actividad', place: 'Lugar', address: 'Dirección', starts: 'Empieza', ends: 'Termina', who: 'Quién', actions: 'Acciones',
    everyone: 'Todos los miembros', chosen: '{{count}} miembros', allMembers: 'Asisten todos los miembros', attendees: 'Miembros que asisten',
    localHint: 'Hora local en {{zone}}',
    add: 'Añadir una actividad', addSubmit: 'Añadir la actividad', change: 'Cambiar una actividad', save: 'Guardar la actividad', cancel: 'Dejar de editar',
    edit: 'Editar', editLabel: 'Editar {{title}}', delete: 'Eliminar', deleteLabel: 'Eliminar {{title}}', confirmDelete: 'Sí, eliminar {{title}}', keep: 'Mantener',
    added: 'Actividad añadida', saved: 'Actividad guardada', deleted: 'Actividad eliminada',
    ambiguous: 'Esta hora ocurre dos veces (se atrasan los relojes): se usa la primera.', overlaps: 'Se solapa',
  },
  problems: { expiring: 'Ofertas que vencen en 24 h', failed: 'Notificaciones fallidas', unknown: 'desconocido' },
};
