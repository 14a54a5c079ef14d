// What the page does to text: masking personal numbers, and laying out the bot's figures.

// The same rules as bot/privacy.py (tests/test_e2e_webchat.py checks they agree), plus bank cards: the page
// masks before a message is shown, kept in localStorage or sent, so a shared phone keeps no one's numbers.
const FULL_WIDTH = { "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7",
  "８": "8", "９": "9", "Ｘ": "X", "ｘ": "x", "＋": "+", "－": "-" };
const ID_CARD = /(?<![0-9A-Za-z])(\d{4})\d{12}(\d[\dXx])(?![0-9A-Za-z])/g;
const BANK_CARD = /(?<![\d*])(\d{4})(?:[- ]?\d){8,11}[- ]?(\d{4})(?![\d*])/g;  // 16–19 digits, blanks allowed
const MOBILE = /(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})[- ]?\d{3,4}[- ]?\d{4}(?!\d)/g;

export function mask(text) {
  return text.replace(/[０-９Ｘｘ＋－]/g, (c) => FULL_WIDTH[c])
    .replace(ID_CARD, (_, head, tail) => head + "*".repeat(12) + tail)
    .replace(BANK_CARD, (_, head, tail) => head + " **** **** " + tail)
    .replace(MOBILE, (_, head, tail) => head + "****" + tail)
    .replace(LANDLINE, (_, area) => area + "-********");
}

// A number with its unit (15780元, 1万至3万元, 60周岁, 5%): kept on one line.
const NUMBER = String.raw`\d[\d,.]*(?:万|亿)?`;
const UNITS = ["元/人", "元", "%", "％", "周岁", "岁", "个月", "年", "月", "天", "日", "人", "个", "项", "次", "倍",
  "户", "亩", "家", "名", "小时"];
const FIGURE = new RegExp(`${NUMBER}(?:\\s*[-~～至到]\\s*${NUMBER})?\\s*(?:${UNITS.join("|")})`, "g");
const MONEY = /[元%％]$/;
// Lines that give the answer in bot/answers.py: the headline (【措施】每年15780元), list items (· …) and totals.
// Calculation steps, conditions and quotes of the plan hold other amounts; those are not highlighted.
const ANSWER_LINE = /^(?:【|·|合计)/;
const FORMER = /原来?[^\d，；。、]{0,3}$/;  // 原来每年6000元, （原6000元）: what it was before the plan

// Fills `element` with text nodes and spans (never innerHTML), one line of `text` at a time.
export function fillWithFigures(element, text) {
  text.split("\n").forEach((line, i) => {
    if (i) element.append("\n");
    const answer = ANSWER_LINE.test(line);
    let last = 0;
    for (const match of line.matchAll(FIGURE)) {
      const before = line.slice(0, match.index);
      element.append(line.slice(last, match.index));
      const quoted = (before.match(/“/g) || []).length > (before.match(/”/g) || []).length;
      const current = answer && MONEY.test(match[0]) && !quoted && !FORMER.test(before);
      const span = document.createElement(current ? "strong" : "span");
      span.className = current ? "figure amount" : "figure";
      span.textContent = match[0];
      element.append(span);
      last = match.index + match[0].length;
    }
    element.append(line.slice(last));
  });
}
