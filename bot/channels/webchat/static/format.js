// What the page does to text: masking personal numbers, and laying out the bot's figures.

// The same rules as bot/privacy/masking.py (tests/e2e/test_webchat_failures.py checks they agree over the corpus in
// tests/cases/personal_data.yml): the page masks before a message is shown, kept in localStorage or sent, so a
// shared phone keeps no one's numbers. Any run of 7 or more digits is personal unless money follows it.
const SHORTEST_PERSONAL = 7;
const FULL_WIDTH = { "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7",
  "８": "8", "９": "9", "Ｘ": "X", "ｘ": "x", "＋": "+", "－": "-", "．": ".", "　": " " };
const CHINESE_DIGITS = { "零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
  "七": "7", "八": "8", "九": "9", "幺": "1", "两": "2" };
const SEP = "[ \\-.·—–_()（）]";
const CHINESE_RUN = new RegExp(`[零〇一二三四五六七八九幺两\\d](?:${SEP}?[零〇一二三四五六七八九幺两\\d]){${SHORTEST_PERSONAL - 1},}`, "g");
const RUN = new RegExp(`(?<!\\d)(\\+${SEP}?)?\\d(?:${SEP}?\\d)*(?:${SEP}?[Xx](?![A-Za-z]))?`, "g");
const AMOUNT_FOLLOWS = /^\s*(?:元|块|万|亿|%|％)/;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

function maskedDigits(digits) {
  const n = digits.length;
  if (n === 13 && digits.startsWith("861")) return "+86 " + maskedDigits(digits.slice(2));
  if (n === 11 && digits[0] === "1" && "3456789".includes(digits[1])) return digits.slice(0, 3) + "****" + digits.slice(-4);
  if (n === 15 || n === 18) return digits.slice(0, 4) + "*".repeat(n - 6) + digits.slice(-2);
  if (n >= 16 && n <= 19) return digits.slice(0, 4) + " **** **** " + digits.slice(-4);
  if (digits[0] === "0" && n >= 10 && n <= 12) return digits.slice(0, "12".includes(digits[1]) ? 3 : 4) + "-********";
  return digits.slice(0, 2) + "*".repeat(n - 2);
}

export function mask(text) {
  return text.replace(/[０-９Ｘｘ＋－．　]/g, (c) => FULL_WIDTH[c])
    .replace(CHINESE_RUN, (run) => run.replace(/[零〇一二三四五六七八九幺两]/g, (c) => CHINESE_DIGITS[c]))
    .replace(EMAIL, "$1***@$2")
    .replace(RUN, (run, _plus, offset, whole) => {
      const digits = run.replace(/[^\dXx]/g, "").toUpperCase();
      const after = whole.slice(offset + run.length);
      return digits.length < SHORTEST_PERSONAL || AMOUNT_FOLLOWS.test(after) ? run : maskedDigits(digits);
    });
}

// A number with its unit (15780元, 1万至3万元, 60周岁, 5%): kept on one line.
const NUMBER = String.raw`\d[\d,.]*(?:万|亿)?`;
const UNITS = ["元/人", "元", "%", "％", "周岁", "岁", "个月", "年", "月", "天", "日", "人", "个", "项", "次", "倍",
  "户", "亩", "家", "名", "小时"];
const FIGURE = new RegExp(`${NUMBER}(?:\\s*[-~～至到]\\s*${NUMBER})?\\s*(?:${UNITS.join("|")})`, "g");
const MONEY = /[元%％]$/;
// Lines that give the answer in bot/dialogue/wording.py: the headline (【措施】每年15780元), list items (· …) and totals.
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
