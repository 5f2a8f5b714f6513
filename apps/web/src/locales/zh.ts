import type { Messages } from './en';

export const zh: Messages = {
  app: { title: 'Twinning 友城交流', signOut: '退出登录', language: '语言', dashboard: '代表团', offers: '我的接待邀请', skip: '跳到正文', menu: '菜单', navigation: '主导航' },
  signIn: { title: '登录', email: '电子邮箱', password: '密码', submit: '登录', failed: '登录失败', expired: '您的登录已失效，请重新登录。', forgot: '忘记密码？', passwordChanged: '您的密码已更改，所有设备上的登录均已退出。请使用新密码登录。' },
  passwordReset: {
    requestTitle: '忘记密码？', requestIntro: '请输入您账户的电子邮箱，我们会发送一个用于设置新密码的链接。',
    requestSubmit: '发送链接', sent: '如果有账户使用 {{email}}，设置新密码的链接即将发送到该邮箱。链接仅可使用一次，且有时效。',
    backToSignIn: '返回登录', chooseTitle: '设置新密码', chooseIntro: '设置新密码后，您在所有设备上的登录都将退出。',
    noToken: '此页面需要密码重置邮件中的链接。', newPassword: '新密码', passwordHelp: '至少 12 个字符；最好使用较长的短语。',
    chooseSubmit: '保存新密码', askAgain: '重新获取链接',
  },
  common: { loading: '加载中…', error: '出错了', notFound: '未找到', save: '保存', back: '返回', none: '无', actions: '操作' },
  status: {
    draft: '草稿', planning: '筹备中', confirmed: '已确认', 'in-progress': '进行中', completed: '已完成', cancelled: '已取消',
    offered: '待答复', accepted: '已接受', declined: '已拒绝', expired: '已过期', withdrawn: '已撤回', released: '已释放',
  },
  dashboard: {
    title: '代表团', filter: '状态', all: '全部', empty: '没有代表团。', delegation: '代表团', hostCity: '接待城市', dates: '日期', status: '状态',
    guests: '寄宿客人', unplaced: '未安排', conflicts: '未解决的冲突',
  },
  delegation: {
    members: '成员', name: '姓名', role: '身份', lodging: '住宿', age: '年龄', minor: '未成年', consent: '监护人同意', leader: '团长',
    addMember: '添加成员', participant: '参与者', add: '添加', added: '已添加成员',
    roles: { official: '官员', delegate: '代表', student: '学生', chaperone: '陪同', interpreter: '翻译' },
    lodgings: { homestay: '寄宿家庭', hotel: '酒店', none: '无' },
    matching: '寄宿家庭匹配', venue: '活动地点', venueName: '地点名称', latitude: '纬度', longitude: '经度', saveVenue: '保存地点', venueSaved: '地点已保存',
    run: '开始匹配', running: '正在匹配… {{seconds}} 秒', runDone: '{{guests}} 位客人中已安排 {{placed}} 位（得分 {{score}}）', optimal: '已证明最优',
    proposals: '匹配方案', guest: '客人', family: '家庭', score: '得分', breakdown: '得分明细', unplacedGuests: '未安排的客人', why: '原因',
    release: '发出邀请', released: '已发出 {{count}} 份邀请（期限 {{hours}} 小时）', offers: '接待邀请', deadline: '截止时间', timeLeft: '剩余时间',
    roomingList: '住宿名单（可打印）', noRun: '尚未进行匹配。', noOffers: '尚无邀请。',
  },
  offers: {
    one: '给您家庭的接待邀请',
    title: '给您家庭的接待邀请', empty: '没有邀请。', guest: '您的客人', age: '抵达时年龄：{{age}}', minor: '未成年', languages: '语言', nationality: '国籍',
    diet: '饮食', allergies: '过敏', gender: '性别', visit: '访问', deadline: '请在 {{date}} 前答复', accept: '接受', decline: '拒绝', reason: '拒绝原因',
    confirmDecline: '拒绝邀请', accepted: '已接受邀请', declinedDone: '已拒绝邀请', notFound: '该邀请不存在，或不是发给您家庭的。',
    open: '打开',
  },
  time: { left: '剩余 {{d}} 天 {{h}} 小时 {{m}} 分钟', leftShort: '剩余 {{h}} 小时 {{m}} 分钟', over: '已过截止时间' },
};
