import type { adminEn } from './admin.en';

export const adminEs: typeof adminEn = {
  nav: 'Administración', title: 'Organización', members: 'Miembros', name: 'Nombre', email: 'Correo', roles: 'Roles', since: 'Miembro desde', disabled: 'desactivado',
  saveRoles: 'Guardar roles', rolesSaved: 'Roles guardados', rolesOf: 'Roles de {{name}}',
  roleNames: { admin: 'Administración', coordinator: 'Coordinación', 'youth-manager': 'Responsable juvenil', host: 'Anfitrión' },
  access: {
    title: 'Acceso', of: 'Acceso de {{name}}', remove: 'Quitar', disable: 'Desactivar cuenta', enable: 'Activar cuenta', cancel: 'Cancelar',
    confirm: {
      remove: '¿Quitar a {{name}} de la organización? Sus sesiones terminan de inmediato.',
      disable: '¿Desactivar la cuenta de {{name}}? No podrá iniciar sesión y todas sus sesiones terminan de inmediato.',
      enable: '¿Permitir que {{name}} vuelva a iniciar sesión?',
    },
  },
  invite: { title: 'Invitar a una persona', email: 'Correo', name: 'Nombre', roles: 'Roles', language: 'Idioma', orgDefault: 'El de la organización', submit: 'Enviar invitación', sent: 'Invitación enviada a {{email}}' },
  audit: { title: 'Registro de auditoría', when: 'Cuándo', who: 'Quién', what: 'Petición', status: 'Resultado', correlation: 'Id de correlación', empty: 'Sin entradas.', newer: 'Más recientes', older: 'Más antiguas', range: '{{from}}–{{to}} de {{total}}',
    sensitiveRead: 'leyó {{fields}} del participante {{subject}}', recordedBy: 'registrado por {{source}}', medicalNotes: 'notas médicas', guardianContacts: 'contactos de los tutores', signInFailed: 'Inicio de sesión fallido en la cuenta de {{name}} desde {{address}}', signInThrottled: 'Inicio de sesión en la cuenta de {{name}} desde {{address}} rechazado: demasiados intentos' },
};
