import type { HostMessages } from './host.en';

export const hostEs: HostMessages = {
  nav: 'Mi hogar',
  accept: {
    title: 'Acepte su invitación', intro: 'Elija una contraseña para su cuenta de Twinning.', noToken: 'Esta página necesita el enlace de su correo de invitación.',
    name: 'Su nombre', email: 'Su correo electrónico', emailHelp: 'La dirección a la que se envió la invitación; se usa para iniciar sesión.', password: 'Contraseña',
    passwordHelp: 'Al menos 12 caracteres.', language: 'Idioma de los mensajes', submit: 'Aceptar e iniciar sesión', accepted: 'Invitación aceptada. Inicie sesión abajo.',
    signIn: 'Iniciar sesión',
  },
  household: {
    title: 'Mi hogar', family: 'Familia', none: 'Aún no hay ninguna familia anfitriona vinculada a su cuenta.', profile: 'Perfil del hogar', name: 'Nombre de la familia', address: 'Dirección',
    bedrooms: 'Dormitorios', beds: 'Camas (camas de verdad)', pets: 'Mascotas', petsNote: 'Sobre las mascotas (opcional)', smoking: 'Alguien fuma en casa', languages: 'Idiomas que se hablan', diets: 'Dietas que pueden ofrecer',
    interests: 'Intereses', listHelp: 'Separe con comas', guestGender: 'Género del huésped', guestAgeMin: 'Edad mínima del huésped', guestAgeMax: 'Edad máxima del huésped',
    genders: { any: 'Cualquiera', female: 'Femenino', male: 'Masculino' },
    members: 'Miembros del hogar', memberName: 'Nombre', dateOfBirth: 'Fecha de nacimiento', relation: 'Parentesco', gender: 'Género',
    memberGenders: { female: 'Femenino', male: 'Masculino', 'non-binary': 'No binario', undisclosed: 'Prefiere no decirlo' },
    addMember: 'Añadir un miembro', removeMember: 'Quitar el miembro {{n}}', availability: 'Disponibilidad', from: 'Desde', to: 'Hasta', addPeriod: 'Añadir un periodo',
    removePeriod: 'Quitar el periodo {{n}}', noPeriods: 'Sin periodos: no se le ofrecerán huéspedes.', save: 'Guardar el hogar', saved: 'Hogar guardado',
  },
  vetting: {
    title: 'Verificación', eligible: 'Apta para acoger a menores', notEligible: 'Aún no apta para acoger a menores', evaluatedOn: 'Última revisión: {{date}}',
    notEvaluated: 'Aún sin revisar', help: 'Su coordinador puede decirle qué antecedentes, visita al hogar o referencias faltan o van a vencer.',
    reviewPending: 'Ha cambiado quién vive en su hogar: un responsable de juventud debe confirmar el cambio antes de que pueda volver a acoger a menores.',
  },
  placements: {
    title: 'Alojamientos', empty: 'No hay alojamientos aceptados ni confirmados.', visit: 'Visita', confirmedAt: 'Confirmado el {{date}}', awaitingConsent: 'Pendiente del consentimiento del tutor',
    arrival: 'Llega con la delegación el {{date}} y se va el {{to}}.', calendar: 'Calendario con llegada y recogida', calendarHelp: 'Suscríbase a esta dirección en su aplicación de calendario (solo se muestra una vez):',
    withdraw: 'Retirarse', reason: 'Motivo de la retirada', confirmWithdraw: 'Retirar el alojamiento', withdrawn: 'Alojamiento retirado; se ha avisado al coordinador.', cancel: 'Cancelar',
    travel: {
      title: 'Llegada y recogida', arrival: 'Llegada', arrives: 'Llega el {{time}} ({{zone}}) a {{place}} en {{journey}}', noArrival: 'Aún no se conoce el viaje de llegada',
      notBooked: 'aún sin reservar', pickup: 'Recogida', meeting: 'Encuentro el {{time}} ({{zone}}) en {{place}}', driver: 'Conductor: {{name}} ({{kind}})', driverUnnamed: 'Conductor: {{kind}}',
      noDriver: 'Aún no hay conductor asignado', driverKinds: { 'host-family-member': 'un miembro de su familia', volunteer: 'voluntario', 'hired-service': 'servicio de transporte contratado' },
      dropOffHome: 'Lo deja en su casa ({{label}})', dropOff: 'Lo deja en: {{label}}', noPickup: 'Aún no hay recogida prevista', departure: 'Salida',
      leaves: 'Sale el {{time}} ({{zone}}) desde {{place}} en {{journey}}', noDeparture: 'Aún no se conoce el viaje de salida',
    },
  },
};
