import type { youthEn } from './youth.en';

export const youthZh: typeof youthEn = {
  nav: '青少年项目', participants: '参与者', checkIns: '回访', incidents: '事件', reports: '报告',
  filters: { q: '姓名包含', delegation: '代表团', minor: '未成年人', nationality: '国籍（ISO 代码）', all: '全部', yes: '仅未成年人', no: '仅成年人', allergies: '过敏' },
  coding: { needsCoding: '待编码', note: '备注（原文）', help: '此备注尚未编码：不会为该客人匹配任何养宠物的家庭。请选择对应的代码并确认。', codes: '过敏原代码', confirm: '代码已涵盖备注', done: '过敏已编码' },
  list: { name: '姓名', dateOfBirth: '出生日期', gender: '性别', nationality: '国籍', empty: '没有符合条件的参与者。', total: '{{count}} 名参与者' },
  genders: { female: '女', male: '男', 'non-binary': '非二元', undisclosed: '未说明' },
  record: {
    back: '全部参与者', languages: '语言', diet: '饮食', allergies: '过敏', consent: '监护人与同意书', noGuardians: '未登记监护人。',
    consentGiven: '{{date}} 已同意', consentExpires: '{{date}} 到期', noConsent: '未登记同意书', scope: '范围', emergency: '紧急联系人', noContacts: '未登记紧急联系人。',
    medical: '医疗备注', noMedical: '无记录。', passport: '护照', passportExpiry: '护照有效期', visa: '签证',
  },
  checkIn: {
    title: '回访', chooseDelegation: '选择代表团', overdue: '逾期：{{hours}} 小时内未回访', overdueNone: '没有逾期人员。',
    last: '最近回访', never: '从未', member: '成员', method: '方式', rating: '状况（1–5）', notes: '备注', checkedAt: '时间', record: '记录回访', recorded: '回访已记录',
    alert: '福利警报', methods: { 'in-person': '当面', phone: '电话', video: '视频', message: '消息' }, empty: '尚无回访。',
  },
  incident: {
    title: '事件', open: '登记事件', delegation: '代表团', type: '类型', severity: '严重程度', description: '描述', participants: '涉及人员', occurredAt: '发生时间',
    submit: '登记事件', opened: '事件已登记', status: '状态', clock: '上报期限', noClock: '无期限', overdue: '已逾期', reportedTo: '上报对象', report: '标记为已上报',
    reportedDone: '已上报给 {{to}}', close: '关闭', empty: '没有事件。', filter: '状态', all: '全部',
    types: { 'abuse-allegation': '虐待指控', injury: '受伤', illness: '疾病', 'missing-person': '人员失踪', behaviour: '行为', other: '其他' },
    severities: { low: '低', medium: '中', high: '高', critical: '危急' },
    statuses: { open: '未处理', reported: '已上报', closed: '已关闭' },
  },
  report: {
    title: '参与者报告', total: '{{count}} 名参与者', overdue: '{{count}} 名成员 {{hours}} 小时内未回访', csv: '导出 CSV', none: '无数据。',
    bar: '{{label}}：{{count}}',
    dims: { programmeArea: '按项目', gender: '按性别', ageBand: '按年龄段', nationality: '按国家' },
  },
};
