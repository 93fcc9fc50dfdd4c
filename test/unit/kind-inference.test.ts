// What kind a document is, from its title, its opening and the promises it makes: one row per
// pattern seen in real documents. A wrong kind silences every kind-specific check.

import { describe, expect, it } from 'vitest';
import { createDocument } from '../../server/src/policy/document';
import { decideKind } from '../../server/src/policy/kind-inference';
import type { DocumentKind } from '../../server/src/engine/types';

const ZH_PROMISES = '我们将在收到投诉后2个工作日内回复，并在15个工作日内处理完毕。客服热线工作时间为每天9:00-18:00。';
const EN_PROMISES = 'We will reply to complaints within 2 working days and resolve them within 15 working days.';
const SEVERITY_TABLE = ['| 严重程度 | 响应时间 |', '| --- | --- |', '| 严重 | 24h |', '| 高危 | 48h |', '| 中危 | 72h |', '| 低危 | 1周 |'].join('\n');

const ROWS: { name: string; text: string; kind: DocumentKind | undefined; path?: string }[] = [
  { name: 'a title ending in 的承诺', text: `# 公司经营服务的承诺\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a title ending in 公开承诺', text: `# 服务公开承诺\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a title ending in a quoted 承诺', text: `# 国家电网有限公司供电服务"十项承诺"\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a complaints procedure', text: `# 投诉处理办法\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a utility\'s 社会承诺内容', text: `# 供水服务社会承诺内容\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a complaints code (投诉处理准则)', text: `# 通话套餐 - 英国投诉处理准则\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a repair-reporting page (报修处理)', text: `# 【教工上网】校园网报修处理\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a help page on ticket severity (凭单)', text: `# 如何为凭单分配严重性？\n\n下表列出响应时间目标：\n\n${SEVERITY_TABLE}\n`, kind: 'sla' },
  { name: 'a service-level agreement', text: `# 服务等级协议\n\n${ZH_PROMISES}`, kind: 'sla' },
  { name: 'a customer care charter', text: `# Customer Care Charter\n\n${EN_PROMISES}`, kind: 'commitment-letter' },
  {
    name: '"standards" whose service words come a paragraph after the opening',
    text: ['# Our policies and standards', '', 'When you visit our offices', '', 'If you telephone us we will:', '', '- Aim to answer calls within 30 seconds.', '- Reply to voicemails within two working days.'].join('\n'),
    kind: 'handbook',
  },
  { name: 'a security policy with response times by severity', text: `# 安全策略\n\n发现漏洞请通过邮件报告，我们按严重程度响应：\n\n${SEVERITY_TABLE}\n`, kind: 'website-policy' },
  { name: 'a support page with response times by priority', text: `# 支持服务\n\n我们按优先级响应：\n\n${SEVERITY_TABLE}\n`, kind: 'sla' },
  { name: 'a security page in another language (SECURITY_cn.md)', path: '/SECURITY_cn.md', text: `# 项目名称\n\n请通过邮件报告漏洞，我们会在48小时内回复。`, kind: 'website-policy' },
  { name: 'a security policy named so ("Security Policy and Procedures")', text: `# Security Policy and Procedures\n\nWe acknowledge reports within 24 hours and publish a fix within 90 days.`, kind: 'website-policy' },
  { name: 'a customer-service pledge and code (客服承诺与准则)', text: `# 客服承诺与准则\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a refunds page (退款方式和时间)', text: `# 退款方式和时间\n\n| 支付方式 | 退款周期 |\n| --- | --- |\n| 银联支付 | 5-7个工作日 |\n| 支付宝 | 2-3个工作日 |\n`, kind: 'website-policy' },
  { name: 'a vulnerability-reporting page that promises a response with no time (尽快确认)', text: `# 安全漏洞报告\n\n## 如何报告漏洞\n\n请发送邮件到 security@example.org。\n\n## 我们的响应流程\n\n我们会尽快确认收到报告，并告知后续处理步骤。`, kind: 'website-policy' },
  { name: 'a responsible disclosure policy with no deadline', text: `# Responsible disclosure policy\n\nE-mail your findings to security@example.org.\n\nWe will acknowledge your report as soon as we can.`, kind: 'website-policy' },
  { name: 'an article that explains a term (售后时效是什么意思)', text: `# 售後時效是什麼意思\n\n上門取回退換貨物品:應在消費者提交售後服務申請的48小時內取回。\n\n${ZH_PROMISES}`, kind: undefined },
  { name: 'an article that explains a term ("What does SLA mean?")', text: `# What does SLA mean?\n\n${EN_PROMISES}`, kind: undefined },
  { name: 'a page that tells how to complain, with deadlines ("How to make a complaint")', text: `# How to make a complaint\n\n${EN_PROMISES}`, kind: 'website-policy' },
  { name: 'a complaints page titled only 投诉, with no deadline', text: `# 投诉\n\n如果您对我们的服务有意见和建议，可通过以下方式投诉：\n\n- 投诉电话：0000-1234567`, kind: 'website-policy' },
  { name: 'a page titled "Comments and complaints"', text: `# Comments and complaints\n\nTell us by phone or email and we will look into it.`, kind: 'website-policy' },
  {
    name: 'an untitled utility pledge whose only rate is the reliability of supply (供电可靠率), not an SLA',
    text: '第一条 电力供应安全可靠。城市电网平均供电可靠率达到99.9%。\n\n第二条 快速抢修。供电抢修人员到达现场的时间：城区45分钟。\n\n第三条 投诉处理。受理客户投诉后，5个工作日内答复。',
    kind: 'website-policy',
  },
  { name: 'a campus-network repair page whose only service word is 报修', text: `# 【教工上网】校园网报修处理\n\n发布时间: 2011-09-29\n\n报修时请详细说明故障现象，网管将会在两天内处理故障。`, kind: 'website-policy' },
  { name: 'an untitled page that speaks of 用户 and promises a visit', text: `如用户使用校园网的过程中出现问题，请按照流程进行故障报修。\n\n对于电话申报故障的，工作人员在三个工作日内上门处理。`, kind: 'website-policy' },
  { name: 'a security page that asks the reader to act promptly and promises nothing', text: `# 安全最佳实践\n\n请及时更新系统补丁，并尽快修改默认密码。`, kind: undefined },
  { name: 'an untitled pledge that opens with its byline, then "作如下服务承诺"', text: `来源: 时间:2025-05-20 09:50\n\n为切实做好城区天然气供应服务工作，本公司作如下服务承诺。\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a headingless complaint procedure titled 客戶申訴與處理程序, with no deadline', text: '客戶申訴與處理程序\n\n公告內容\n\n客戶可透過電話、書面信函向本行服務部提出申訴。本行將以最短時間回覆客戶。', kind: 'website-policy' },
  { name: 'a service centre\'s 首问负责制 after a byline, its title longer than 20 characters', text: '来源:\n\n乌鲁木齐市沙依巴克区政务服务中心首问负责制\n\n一、属于首问责任人职责范围的事项，要按规定及时办理。', kind: 'website-policy' },
  { name: 'a complaints page titled with a list of what it handles, promising no time', text: '# Complaints, disputes and concerns\n\nWe are committed to resolving disputes quickly, as far as possible.', kind: 'website-policy' },
  { name: 'a title that only starts with complaints and names another subject', text: '# Complaints and the weather\n\nIt rained.', kind: undefined },
  { name: 'a headingless hospital regulation titled …投诉处理管理制度, with only 及时', text: '第1篇 省中心医院投诉处理管理制度5\n省人民医院投诉处理管理制度(五)\n第一章总则\n第一条 医患办负责统一受理投诉，及时答复投诉人。', kind: 'website-policy' },
  { name: 'a page titled "Reporting a Vulnerability", with only an address', text: '# Reporting a Vulnerability\n\nTo report a vulnerability, please email security@example.org.', kind: 'website-policy' },
  { name: 'a long first line that is a sentence, not a title', text: '来源:\n\n我们根据投诉处理程序，对用户反映的问题进行了认真的调查。\n\n今天天气很好。', kind: undefined },
  { name: 'a saved web page whose title line comes after the site menu', text: `欢迎您访问本网站!\n\n便民服务\n\n> 服务指南 >首页\n\n供水服务社会承诺内容\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a saved web page whose only kind word is in its breadcrumb', text: `欢迎您访问本网站!\n\n服务指南 > 首页\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a returns policy that promises no time of its own', text: `# 退换货政策\n\n符合以下情况，由产品售出之日起7日内可以退货，15日内可以换货。`, kind: 'website-policy' },
  { name: 'a template whose title is still a blank ("Your Policy Title")', text: `# Your Policy Title\n\n${EN_PROMISES}`, kind: undefined },
  { name: 'a template whose title is still a blank (【制度名称】)', text: `# 【制度名称】\n\n${ZH_PROMISES}`, kind: undefined },
  {
    name: 'a page that is only tables, whose headers name response times',
    text: ['| Defect Severity Level | Target Response Time (Enterprise) | Target Response Time (Premier) |', '|---|---|---|', '| 1 (urgent) | 30 minutes | 30 minutes |', '| 2 (high) | 2 hours | 1 hour |', '| 3 (medium) | 12 hours | 8 hours |', '| 4 (low) | 24 hours | 12 hours |'].join('\n'),
    kind: 'sla',
  },
  {
    name: 'a page without a title that lists "the key service levels" of a product',
    text: 'Here are some of the key service levels for our backhaul service.\n\n| Service | Service level targets |\n| --- | --- |\n| Provisioning | Order acknowledgement – 4 business hours |\n| Faults | Fault report acknowledgement – 30 minutes |',
    kind: 'sla',
  },
  { name: 'a maintainers\' guidelines page that pledges a response time', text: `# Communication guidelines\n\n## Availability\n\nWe pledge to do our best to respond to newly opened issues within 48 hours.`, kind: 'handbook' },
  { name: 'a state regulation (条例) that speaks of services', text: `# 保障中小企业款项支付条例\n\n第一条 为了维护中小企业合法权益，制定本条例。\n\n第二条 大型企业采购服务，应当在30日内支付款项，并及时答复投诉。`, kind: undefined },
  { name: 'a notice that publishes a pledge (关于印发《…服务时限承诺（修订）》的通知)', text: `# 某燃气公司关于印发《业务办理服务时限承诺（修订）》的通知\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a pledge whose title ends in its edition (服务承诺（2021年修订）)', text: `# 供水服务承诺（2021年修订）\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  {
    name: 'a page titled only "services" whose table heads a column 承諾',
    text: '常規服務\n\n| 服務 | 承諾 | 工作目標 |\n|---|---|---|\n| 回應投訴 | 於10天內回應 | 98% |\n| 詳細回覆 | 於一個月內詳細回覆 | 98% |\n',
    kind: 'commitment-letter',
  },
  { name: 'an untitled page that sets out "以下的服務承諾"', text: `為了向各政府部門、補助機構提供符合成本效益和快捷妥善的服務，採購科及物料供應管理科定以下的服務承諾：\n\n${ZH_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a complaints page whose opening pledges stays a complaints policy', text: `# 投诉处理\n\n我们作出以下服务承诺：\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a vulnerability-reporting guide (安全漏洞报告指南)', text: `# 安全漏洞报告指南\n\n请通过邮件报告漏洞，我们会在48小时内回复。`, kind: 'website-policy' },
  { name: 'an untitled page whose file name says it is a customer charter', path: '/docs/customer-charter.md', text: `Delivering the basics to all customers.\n\n${EN_PROMISES}`, kind: 'commitment-letter' },
  { name: 'a page whose heading names nothing, in a file named support-manual', path: '/team/support-manual.md', text: `# What are we supporting\n\n${EN_PROMISES}`, kind: 'handbook' },
  { name: 'a file name that names no kind leaves the content to decide', path: '/team/notes-2024.md', text: `# Our team\n\n${EN_PROMISES}`, kind: 'website-policy' },
  // Review guards: names and titles that only look like a kind.
  { name: 'a file named for JavaScript promises', path: '/docs/javascript-promises.md', text: `# Notes on our help desk\n\n${EN_PROMISES}`, kind: 'website-policy' },
  { name: 'a file about how SLOs are calculated', path: '/docs/how-we-calculate-slos.md', text: `# How we calculate\n\n${EN_PROMISES}`, kind: 'website-policy' },
  { name: 'a Chinese file name that names a report on the pledges', path: '/服务承诺落实情况检查报告.md', text: `# 检查情况\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a rule that tells branches to publish pledges', text: `# 服务质量管理制度\n\n本制度规定各网点应制定服务承诺并在营业厅醒目位置公布服务承诺。\n\n${ZH_PROMISES}`, kind: 'website-policy' },
  { name: 'a help page on a backer\'s pledges', text: `# How to manage your pledges\n\n${EN_PROMISES}`, kind: 'website-policy' },
  { name: 'safety rules (供电安全服务规程), not a security policy', text: `# 供电安全服务规程\n\n${ZH_PROMISES}`, kind: 'handbook' },
  { name: 'an assessment table that scores staff against pledges', text: `# 服务管理\n\n| 考核项目 | 承诺 | 扣分标准 |\n|---|---|---|\n| 投诉答复 | 2个工作日内答复 | 每超时一次扣2分 |\n\n${ZH_PROMISES}`, kind: 'website-policy' },
];

describe('kind inference', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      expect(decideKind(createDocument(row.path ?? '/doc.md', row.text), {}).kind).toBe(row.kind);
    });
  }
});
