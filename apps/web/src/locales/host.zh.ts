import type { HostMessages } from './host.en';

export const hostZh: HostMessages = {
  nav: '我的家庭',
  accept: {
    title: '接受邀请', intro: '请为您的 Twinning 账户设置密码。', noToken: '此页面需要邀请邮件中的链接。',
    name: '您的姓名', email: '您的电子邮箱', emailHelp: '接收邀请的邮箱地址，用于登录。', password: '密码',
    passwordHelp: '至少 12 个字符。', language: '消息语言', submit: '接受并登录', accepted: '已接受邀请。请在下方登录。',
    signIn: '登录',
  },
  household: {
    title: '我的家庭', family: '家庭', none: '您的账户尚未关联接待家庭。', profile: '家庭资料', name: '家庭名称', address: '地址',
    bedrooms: '卧室数', beds: '床位（正式床）', pets: '宠物', petsNote: '宠物说明（可选）', smoking: '家中有人吸烟', languages: '使用的语言', diets: '可提供的饮食',
    interests: '兴趣', listHelp: '用逗号分隔', guestGender: '客人性别', guestAgeMin: '客人最小年龄', guestAgeMax: '客人最大年龄',
    genders: { any: '不限', female: '女', male: '男' },
    members: '家庭成员', memberName: '姓名', dateOfBirth: '出生日期', relation: '关系', gender: '性别',
    memberGenders: { female: '女', male: '男', 'non-binary': '非二元', undisclosed: '不愿透露' },
    addMember: '添加成员', removeMember: '删除成员 {{n}}', availability: '可接待时间', from: '从', to: '至', addPeriod: '添加时间段',
    removePeriod: '删除时间段 {{n}}', noPeriods: '没有时间段：不会向您提供客人。', save: '保存家庭资料', saved: '家庭资料已保存',
  },
  vetting: {
    title: '审查', eligible: '可接待未成年人', notEligible: '尚不可接待未成年人', evaluatedOn: '最近审查：{{date}}',
    notEvaluated: '尚未审查', help: '您的协调员可以告诉您缺少或即将过期的背景调查、家访或推荐信。',
    reviewPending: '您更改了家庭成员：需由青少年项目负责人确认后，您才能再次接待未成年人。',
  },
  placements: {
    title: '接待安排', empty: '没有已接受或已确认的接待安排。', visit: '访问', confirmedAt: '确认于 {{date}}', awaitingConsent: '等待监护人同意',
    arrival: '随代表团于 {{date}} 抵达，{{to}} 离开。', calendar: '含抵达和接机的日历', calendarHelp: '在您的日历应用中订阅此地址（仅显示一次）：',
    withdraw: '撤回', reason: '撤回原因', confirmWithdraw: '撤回接待安排', withdrawn: '接待安排已撤回；已通知协调员。', cancel: '取消',
    travel: {
      title: '抵达和接机', arrival: '抵达', arrives: '{{time}}（{{zone}}）乘 {{journey}} 抵达 {{place}}', noArrival: '尚不知道抵达行程',
      notBooked: '尚未预订', pickup: '接机', meeting: '{{time}}（{{zone}}）在 {{place}} 会合', driver: '司机：{{name}}（{{kind}}）', driverUnnamed: '司机：{{kind}}',
      noDriver: '尚未安排司机', driverKinds: { 'host-family-member': '您的家庭成员', volunteer: '志愿者', 'hired-service': '租用的接送服务' },
      dropOffHome: '送到您家（{{label}}）', dropOff: '送达：{{label}}', noPickup: '尚未安排接机', departure: '离开',
      leaves: '{{time}}（{{zone}}）乘 {{journey}} 从 {{place}} 出发', noDeparture: '尚不知道离开行程',
    },
  },
};
