import type { Messages } from './en';

export const es: Messages = {
  app: { title: 'Twinning', signOut: 'Cerrar sesión', language: 'Idioma', dashboard: 'Delegaciones', offers: 'Mis ofertas', skip: 'Ir al contenido', menu: 'Menú', navigation: 'Navegación principal' },
  signIn: { title: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña', submit: 'Entrar', failed: 'No se pudo iniciar sesión', expired: 'Su sesión ha terminado. Vuelva a iniciar sesión.', forgot: '¿Olvidó su contraseña?', passwordChanged: 'Su contraseña se ha cambiado y se han cerrado todas sus sesiones. Inicie sesión con la nueva contraseña.' },
  passwordReset: {
    requestTitle: '¿Olvidó su contraseña?', requestIntro: 'Escriba el correo electrónico de su cuenta: le enviaremos un enlace para elegir una nueva contraseña.',
    requestSubmit: 'Enviar el enlace', sent: 'Si hay una cuenta con la dirección {{email}}, le llegará un enlace para elegir una nueva contraseña. Funciona una sola vez, durante un tiempo limitado.',
    backToSignIn: 'Volver a iniciar sesión', chooseTitle: 'Elija una nueva contraseña', chooseIntro: 'Al elegir una nueva contraseña se cerrarán todas sus sesiones.',
    noToken: 'Esta página necesita el enlace de su correo para restablecer la contraseña.', newPassword: 'Nueva contraseña', passwordHelp: 'Al menos 12 caracteres; lo mejor es una frase larga.',
    chooseSubmit: 'Guardar la nueva contraseña', askAgain: 'Pedir un enlace nuevo',
  },
  common: { loading: 'Cargando…', error: 'Algo salió mal', notFound: 'No encontrado', save: 'Guardar', back: 'Volver', none: 'Ninguno', actions: 'Acciones' },
  status: {
    draft: 'Borrador', planning: 'En planificación', confirmed: 'Confirmada', 'in-progress': 'En curso', completed: 'Completada', cancelled: 'Cancelada',
    offered: 'Ofrecida', accepted: 'Aceptada', declined: 'Rechazada', expired: 'Vencida', withdrawn: 'Retirada', released: 'Liberada',
  },
  dashboard: {
    title: 'Delegaciones', filter: 'Estado', all: 'Todas', empty: 'No hay delegaciones.', delegation: 'Delegación', hostCity: 'Ciudad anfitriona', dates: 'Fechas', status: 'Estado',
    guests: 'Huéspedes en casa de familia', unplaced: 'Sin familia', conflicts: 'Conflictos abiertos',
  },
  delegation: {
    members: 'Miembros', name: 'Nombre', role: 'Función', lodging: 'Alojamiento', age: 'Edad', minor: 'Menor', consent: 'Consentimiento', leader: 'Responsable',
    addMember: 'Añadir un miembro', participant: 'Participante', add: 'Añadir', added: 'Miembro añadido',
    roles: { official: 'Autoridad', delegate: 'Delegado', student: 'Estudiante', chaperone: 'Acompañante', interpreter: 'Intérprete' },
    lodgings: { homestay: 'Casa de familia', hotel: 'Hotel', none: 'Ninguno' },
    matching: 'Asignación de familias anfitrionas', venue: 'Sede', venueName: 'Nombre de la sede', latitude: 'Latitud', longitude: 'Longitud', saveVenue: 'Guardar sede', venueSaved: 'Sede guardada',
    run: 'Asignar familias', running: 'Asignación en curso… {{seconds}} s', runDone: '{{placed}} de {{guests}} huéspedes con familia (puntuación {{score}})', optimal: 'óptimo certificado',
    proposals: 'Propuestas', guest: 'Huésped', family: 'Familia', score: 'Puntuación', breakdown: 'Desglose de la puntuación', unplacedGuests: 'Huéspedes sin familia', why: 'Motivo',
    release: 'Enviar ofertas', released: '{{count}} ofertas enviadas (plazo {{hours}} h)', offers: 'Ofertas', deadline: 'Plazo', timeLeft: 'Tiempo restante',
    roomingList: 'Lista de alojamiento (imprimible)', noRun: 'Aún no se ha hecho ninguna asignación.', noOffers: 'Aún no hay ofertas.',
  },
  offers: {
    one: 'Oferta para su familia',
    title: 'Ofertas para su familia', empty: 'No hay ofertas.', guest: 'Su huésped', age: 'Edad a la llegada: {{age}}', minor: 'Menor de edad', languages: 'Idiomas', nationality: 'Nacionalidad',
    diet: 'Dieta', allergies: 'Alergias', gender: 'Género', visit: 'Visita', deadline: 'Responda antes del {{date}}', accept: 'Aceptar', decline: 'Rechazar', reason: 'Motivo del rechazo',
    confirmDecline: 'Rechazar la oferta', accepted: 'Oferta aceptada', declinedDone: 'Oferta rechazada', notFound: 'Esta oferta no existe o no es para su familia.',
    open: 'Abrir',
  },
  time: { left: 'quedan {{d}} d {{h}} h {{m}} min', leftShort: 'quedan {{h}} h {{m}} min', over: 'plazo vencido' },
};
