import type { TravelMessages } from './travel.en';

export const travelZh: TravelMessages = {
  link: '行程与后勤', title: '行程：{{title}}', back: '返回代表团',
  manifests: '名单', arrivals: '抵达', departures: '离开', csv: 'CSV', html: '可打印', noEntries: '尚无行程记录。',
  time: '时间', transport: '交通', route: '路线', travellers: '旅客', travellersCount: '{{count}} 名旅客',
  pickups: '接机车次', pickupSheet: '接机单（可打印）', noPlan: '尚未安排接机。', airport: '机场', meeting: '集合', driver: '司机',
  seats: '座位', members: '成员', safeguarding: '未成年人规则', ok: '正常', waiting: '等候报告', lands: '降落', wait: '等候',
  minutes: '{{minutes}} 分钟', totalWait: '总等候：{{minutes}} 分钟', notPickedUp: '无人接机',
  lodging: '逐夜住宿', night: '夜晚', gaps: '{{count}} 人无床位', noGaps: '每晚每人都有床位。', noNights: '没有可显示的夜晚。',
  lodgingStatus: { ok: '正常', gap: '无床位', double: '重复预订', 'not-needed': '不需要' },
  conflicts: '冲突', noConflicts: '没有未解决的冲突。',
  feeds: '日历订阅', kind: '类型', kinds: { delegation: '代表团', participant: '参与者', family: '接待家庭' }, subject: '成员或家庭',
  created: '创建于', lastFetched: '最近读取', never: '从未', active: '有效', revoked: '已撤销', revoke: '撤销', createFeed: '创建订阅',
  feedUrl: '请立即复制此地址；它只显示一次：', noFeeds: '没有日历订阅。',
  deliveries: '通知发送记录', noDeliveries: '尚未发送通知。', when: '时间', channel: '渠道', type: '类型', message: '消息',
  status: '状态', attempts: '尝试次数', lastError: '最近错误',
  assign: '手动分配', guest: '客人', family: '家庭', choose: '请选择…', assignSubmit: '分配', assigned: '已向该家庭发出邀请。',
  brokenRules: '此配对违反以下规则：', notOverridable: '这些规则不能被豁免。', acknowledge: '我已知晓，仍然分配',
  note: '原因（随邀请记录）', assignAnyway: '仍然分配', overridden: '已豁免规则并分配。',
};
