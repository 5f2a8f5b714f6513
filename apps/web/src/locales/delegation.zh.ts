import type { DelegationMessages } from './delegation.en';

export const delegationZh: DelegationMessages = {
  rematch: '重新匹配',
  form: {
    title: '名称', hostCity: '接待城市', startDate: '第一天', endDate: '最后一天',
    direction: '方向', directions: { outbound: '出访：我们访问友好城市', inbound: '来访：我们接待友好城市的访客' },
    partnership: '友好城市', noPartnership: '无友好城市关系',
    purpose: '目的', programmeArea: '项目领域', noArea: '未设置',
    areas: {
      'arts-culture': '艺术与文化', 'youth-education': '青少年与教育', 'economic-development': '经济发展',
      'municipal-technical': '市政与技术', humanitarian: '人道主义',
    },
    hostTimeZone: '接待城市时区', zoneAutomatic: '自动（出访且有友好城市时用对方城市的时区，否则用 UTC）',
    zoneHint: '行程时间按此时区填写和显示。',
    minorsPerAdult: '每名成人对应的未成年人数', minorsPerAdultHint: '每这么多名未成年人至少需要一名成人（18 岁及以上）。',
  },
  create: { button: '新建代表团', title: '新建代表团', submit: '创建代表团', cancel: '返回代表团列表' },
  details: {
    title: '基本信息', edit: '编辑基本信息', save: '保存基本信息', saved: '基本信息已保存', cancel: '取消',
    ratio: '每 {{count}} 名未成年人一名成人', direction: '方向', purpose: '目的',
    partnership: '友好城市', programmeArea: '项目领域',
  },
  lifecycle: {
    title: '状态',
    to: { planning: '开始筹备', confirmed: '确认代表团', 'in-progress': '开始访问', completed: '标记为已完成', cancelled: '取消代表团' },
    reason: '取消原因', confirmCancel: '是的，取消代表团', keep: '保留代表团',
    done: '当前状态：{{status}}', closed: '此代表团已结束，不能再更改。', cancelledReason: '已取消：{{reason}}',
  },
  member: {
    actions: '操作', edit: '编辑', editLabel: '编辑 {{name}}', remove: '移除', removeLabel: '移除 {{name}}',
    confirmRemove: '是的，移除 {{name}}', keep: '保留', change: '修改 {{name}}', notes: '备注', save: '保存成员', cancel: '取消',
  },
  register: {
    title: '登记新参与者', hint: '适用于尚未登记的人：登记其需求后加入本代表团。',
    open: '登记新参与者', close: '关闭表单',
    person: '个人信息', givenName: '名', familyName: '姓', dateOfBirth: '出生日期', gender: '性别',
    genders: { female: '女', male: '男', 'non-binary': '非二元', undisclosed: '不愿透露' },
    nationality: '国籍', nationalityHint: '两个字母的国家代码，例如 US 或 CN',
    languages: '语言', languagesHint: '语言代码，用逗号分隔，例如 en, zh',
    needs: '需求', diet: '饮食需求', allergies: '过敏', dietNote: '饮食备注', allergyNote: '过敏备注', allergyNoteHelp: '填写上面代码未涵盖的内容；备注会标记给青少年负责人进行编码',
    contact: '紧急联系人', contactName: '联系人姓名', contactRelation: '联系人关系', contactPhone: '联系人电话', contactEmail: '联系人邮箱',
    guardian: '监护人（未满 18 岁的参与者）', addGuardian: '添加监护人', guardianName: '监护人姓名', guardianRelation: '监护人关系',
    guardianPhone: '监护人电话', guardianEmail: '监护人邮箱', consent: '监护人已同意', consentExpires: '同意有效期至',
    membership: '在本代表团中', submit: '登记并加入',
    done: '{{name}} 已登记并加入代表团', registeredOnly: '{{name}} 已登记但尚未加入：请更正代表团信息后重试。',
  },
  itinerary: {
    title: '行程', zone: '时间均为接待城市时区：{{zone}}', empty: '尚无活动。',
    activity: '活动', place: '地点', address: '地址', starts: '开始', ends: '结束', who: '参加者', actions: '操作',
    everyone: '全体成员', chosen: '{{count}} 名成员', allMembers: '全体成员参加', attendees: '参加的成员',
    localHint: '{{zone}} 当地时间',
    add: '添加活动', addSubmit: '添加该活动', change: '修改活动', save: '保存活动', cancel: '取消编辑',
    edit: '编辑', editLabel: '编辑 {{title}}', delete: '删除', deleteLabel: '删除 {{title}}', confirmDelete: '是的，删除 {{title}}', keep: '保留',
    added: '活动已添加', saved: '活动已保存', deleted: '活动已删除',
    ambiguous: '此时间会出现两次（时钟回拨）：采用较早的一次。', overlaps: '时间重叠',
  },
  problems: { expiring: '24 小时内到期的邀请', failed: '发送失败的通知', unknown: '未知' },
};
