import type { adminEn } from './admin.en';

export const adminZh: typeof adminEn = {
  nav: '管理', title: '组织', members: '成员', name: '姓名', email: '邮箱', roles: '角色', since: '加入时间', disabled: '已停用',
  saveRoles: '保存角色', rolesSaved: '角色已保存', rolesOf: '{{name}} 的角色',
  roleNames: { admin: '管理员', coordinator: '协调员', 'youth-manager': '青少年项目经理', host: '接待家庭' },
  access: {
    title: '访问', of: '{{name}} 的访问', remove: '移除', disable: '停用账户', enable: '启用账户', cancel: '取消',
    confirm: {
      remove: '将 {{name}} 从本组织移除？其所有会话将立即结束。',
      disable: '停用 {{name}} 的账户？其将无法登录，所有会话将立即结束。',
      enable: '允许 {{name}} 重新登录？',
    },
  },
  invite: { title: '邀请用户', email: '邮箱', name: '姓名', roles: '角色', language: '语言', orgDefault: '组织默认', submit: '发送邀请', sent: '已向 {{email}} 发送邀请' },
  audit: { title: '审计记录', when: '时间', who: '操作人', what: '请求', status: '结果', correlation: '关联 ID', empty: '没有记录。', newer: '较新', older: '较早', range: '第 {{from}}–{{to}} 条，共 {{total}} 条',
    sensitiveRead: '查看了参与者 {{subject}} 的{{fields}}', recordedBy: '由 {{source}} 记录', medicalNotes: '医疗备注', guardianContacts: '监护人联系方式', signInFailed: '{{name}} 的账户登录失败（来自 {{address}}）', signInThrottled: '{{name}} 的账户登录被拒绝（来自 {{address}}）：尝试次数过多' },
};
