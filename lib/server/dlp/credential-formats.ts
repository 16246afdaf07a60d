import "server-only";
import { hasJoseHeader } from "./has-jose-header";
import { hasBase62CrcChecksum } from "./token-checksums";
import type { TCredentialKind } from "./types";

export type TCredentialFormat = {
  kind: TCredentialKind;
  /** Literal, case-sensitive substrings of every match: one trigger regex finds them all at once. */
  hints: readonly string[];
  /** A regex source found instead of hints, for formats without a literal (it must open the match). */
  trigger?: string;
  /** How far before its hint a match may start (0: the hint opens the token). */
  back?: number;
  /** Sticky, tried where a hint was found; bounded on both sides by characters the token cannot contain, so it never backtracks across a run. */
  pattern: RegExp;
  /** Capture group holding the secret when the match carries context; needs the `d` flag. */
  group?: number;
  /** A published checksum or structure the match must also pass. */
  valid?: (secret: string) => boolean;
};

const B = "(?<![A-Za-z0-9_-])";
const E = "(?![A-Za-z0-9_-])";
const token = (body: string, flags = "y") => new RegExp(`${B}${body}${E}`, flags);

const HEX32_DASH = "(?<![0-9a-zA-Z-])[0-9a-f]{32}-";

const hasDigit = (s: string) => /[0-9]/.test(s);
// Random keys mix cases and digits; slugs such as `sk-learn-linear-regression` do not.
const looksRandom = (s: string) => hasDigit(s) && /[a-z]/.test(s) && /[A-Z]/.test(s);
const mixedCase = (s: string) => /[a-z]/.test(s) && /[A-Z]/.test(s);

/**
 * Secret formats as their issuers publish them (prefixes, lengths, alphabets; GitHub's and npm's
 * CRC-32). Ids that are not secrets (Stripe publishable keys, Twilio account SIDs, Slack channel
 * ids) are left out on purpose.
 */
export const CREDENTIAL_FORMATS: readonly TCredentialFormat[] = [
  {
    kind: "aws-access-key",
    hints: ["AKIA", "ASIA", "ABIA", "ACCA"],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/y,
  },
  {
    kind: "aws-session-token",
    hints: ["FwoGZXIvYXdz", "IQoJb3JpZ2lu"],
    pattern: /(?<![A-Za-z0-9/+=])(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+=]{100,}/y,
  },
  {
    kind: "github-token",
    hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    pattern: token("gh[pousr]_[A-Za-z0-9]{36}"),
    valid: hasBase62CrcChecksum,
  },
  { kind: "github-token", hints: ["github_pat_"], pattern: token("github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}") },
  {
    kind: "gitlab-token",
    hints: [
      "glpat-",
      "gldt-",
      "glrt-",
      "glrtr-",
      "glptt-",
      "gloas-",
      "glcbt-",
      "glimt-",
      "glsoat-",
      "glffct-",
      "glft-",
      "glagent-",
      "glwt-",
    ],
    pattern: token("gl(?:pat|dt|rtr?|ptt|oas|cbt|imt|soat|ffct|ft|agent|wt)-[A-Za-z0-9_-]{20,}(?:\\.[A-Za-z0-9_-]{2,}){0,2}"),
    valid: (s) => hasDigit(s) || mixedCase(s),
  },
  { kind: "gitlab-token", hints: ["GR1348941"], pattern: token("GR1348941[A-Za-z0-9_-]{20}") },
  { kind: "npm-token", hints: ["npm_"], pattern: token("npm_[A-Za-z0-9]{36}"), valid: hasBase62CrcChecksum },
  {
    kind: "pypi-token",
    hints: ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBp"],
    pattern: token("pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBp)[A-Za-z0-9_-]{50,}"),
  },
  { kind: "huggingface-token", hints: ["hf_", "api_org_"], pattern: token("(?:hf_|api_org_)[A-Za-z]{34}"), valid: mixedCase },
  {
    kind: "azure-client-secret",
    hints: ["Q~"],
    back: 4,
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/y,
    valid: hasDigit,
  },
  {
    kind: "slack-token",
    hints: ["xox"],
    pattern: token("xox[abprse]-[0-9]{6,}-[A-Za-z0-9-]{8,}"),
    valid: (s) => /[A-Za-z]/.test(s.slice(5)),
  },
  { kind: "slack-token", hints: ["xoxe.xox"], pattern: token("xoxe\\.xox[bp]-1-[A-Za-z0-9]{100,}") },
  { kind: "slack-token", hints: ["xapp-"], pattern: token("xapp-[0-9]-[A-Z0-9]{8,}-[0-9]{8,}-[a-f0-9]{32,}") },
  {
    kind: "slack-webhook",
    hints: ["hooks.slack.com/"],
    back: 8,
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/]{20,}(?![A-Za-z0-9_/])/y,
  },
  { kind: "twilio-key", hints: ["SK"], pattern: token("SK[0-9a-f]{32}") },
  { kind: "sendgrid-key", hints: ["SG."], pattern: token("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}") },
  { kind: "mailgun-key", hints: ["key-"], pattern: token("key-[0-9a-f]{32}") },
  {
    kind: "mailgun-key",
    hints: [],
    trigger: HEX32_DASH,
    pattern: /(?<![0-9a-zA-Z-])[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}(?![0-9a-zA-Z-])/y,
  },
  { kind: "api-token", hints: [], trigger: HEX32_DASH, pattern: /(?<![0-9a-zA-Z-])[0-9a-f]{32}-us[0-9]{1,2}(?![0-9a-zA-Z-])/y }, // Mailchimp
  { kind: "shopify-token", hints: ["shpat_", "shpca_", "shppa_", "shpss_"], pattern: token("shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}") },
  { kind: "vault-token", hints: ["hvs.", "hvb.", "hvr."], pattern: token("hv[sbr]\\.[A-Za-z0-9_-]{24,}"), valid: hasDigit },
  { kind: "digitalocean-token", hints: ["dop_v1_", "doo_v1_", "dor_v1_"], pattern: token("do[opr]_v1_[a-f0-9]{64}") },
  {
    kind: "telegram-bot-token",
    hints: [":AA"],
    back: 10,
    pattern: /(?:(?<=\/bot)|(?<![A-Za-z0-9_:-]))[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/y,
  },
  {
    kind: "sentry-token",
    hints: ["sntrys_", "sntryu_"],
    pattern: /(?<![A-Za-z0-9_-])(?:sntrys_eyJ[A-Za-z0-9+/=_-]{60,}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9_-])/y,
  },
  { kind: "stripe-key", hints: ["k_live_", "k_test_"], back: 1, pattern: token("[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"), valid: hasDigit },
  { kind: "stripe-webhook-secret", hints: ["whsec_"], pattern: token("whsec_[A-Za-z0-9+/=]{32,}"), valid: hasDigit },
  { kind: "google-api-key", hints: ["AIza"], pattern: token("AIza[A-Za-z0-9_-]{35}") },
  { kind: "google-oauth-secret", hints: ["GOCSPX-"], pattern: token("GOCSPX-[A-Za-z0-9_-]{28}") },
  { kind: "google-oauth-token", hints: ["ya29."], pattern: token("ya29\\.[A-Za-z0-9_-]{30,}"), valid: hasDigit },
  { kind: "google-oauth-token", hints: ["1//0"], pattern: /(?<![A-Za-z0-9_/-])1\/\/0[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/y },
  { kind: "anthropic-key", hints: ["sk-ant-"], pattern: token("sk-ant-[A-Za-z0-9_-]{32,}") },
  { kind: "openai-key", hints: ["sk-"], pattern: token("sk-(?!ant-)[A-Za-z0-9_-]{20,}"), valid: looksRandom },
  { kind: "tollgate-token", hints: ["tg_"], pattern: token("tg_[a-z0-9]{10}_[A-Za-z0-9_-]{43}") },
  { kind: "jwt", hints: ["eyJ"], pattern: token("eyJ[A-Za-z0-9_-]{15,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*"), valid: hasJoseHeader },
  {
    kind: "bearer-token",
    hints: ["earer", "EARER"],
    back: 1,
    pattern: /(?<![A-Za-z0-9])(?:[Bb]earer|BEARER)[ \t]+([A-Za-z0-9._~+/-]{20,}=*)(?![A-Za-z0-9._~+/=-])/dy,
    group: 1,
    valid: (s) => hasDigit(s) && /[A-Za-z]/.test(s),
  },
  // The long tail: one kind, so a placeholder names what it hid without a kind per vendor.
  { kind: "api-token", hints: ["ATATT3"], pattern: token("ATATT3[A-Za-z0-9_=-]{100,}") }, // Atlassian
  { kind: "api-token", hints: ["lin_api_"], pattern: token("lin_api_[A-Za-z0-9]{40}") }, // Linear
  { kind: "api-token", hints: ["ntn_"], pattern: token("ntn_[0-9]{11}[A-Za-z0-9]{35}") }, // Notion
  { kind: "api-token", hints: ["PMAK-"], pattern: token("PMAK-[a-f0-9]{24}-[a-f0-9]{34}") }, // Postman
  { kind: "api-token", hints: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct."], pattern: token("dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,44}") }, // Doppler
  { kind: "api-token", hints: ["dapi"], pattern: token("dapi[a-f0-9]{32}(?:-[0-9])?"), valid: hasDigit }, // Databricks
  {
    kind: "api-token",
    hints: ["glc_", "glsa_"],
    pattern: token("(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})"),
  }, // Grafana
  { kind: "api-token", hints: ["pul-"], pattern: token("pul-[a-f0-9]{40}") }, // Pulumi
  { kind: "api-token", hints: ["sq0atp-", "sq0csp-"], pattern: token("sq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})") }, // Square
  { kind: "api-token", hints: ["figd_"], pattern: token("figd_[A-Za-z0-9_-]{40}") }, // Figma
  { kind: "api-token", hints: ["sbp_"], pattern: token("sbp_[a-f0-9]{40}") }, // Supabase
  { kind: "api-token", hints: ["dckr_pat_"], pattern: token("dckr_pat_[A-Za-z0-9_-]{27}") }, // Docker Hub
  { kind: "api-token", hints: ["AGE-SECRET-KEY-1"], pattern: token("AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}") }, // age
  { kind: "api-token", hints: ["rubygems_"], pattern: token("rubygems_[a-f0-9]{48}") },
  { kind: "api-token", hints: ["gsk_"], pattern: token("gsk_[A-Za-z0-9]{52}"), valid: looksRandom }, // Groq
  { kind: "api-token", hints: ["r8_"], pattern: token("r8_[A-Za-z0-9]{37}"), valid: looksRandom }, // Replicate
  { kind: "api-token", hints: ["pplx-"], pattern: token("pplx-[A-Za-z0-9]{48}"), valid: looksRandom }, // Perplexity
  { kind: "api-token", hints: ["xai-"], pattern: token("xai-[A-Za-z0-9]{80}"), valid: looksRandom }, // xAI
  { kind: "api-token", hints: ["tskey-"], pattern: token("tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{8,}-[A-Za-z0-9]{20,}") }, // Tailscale
  { kind: "api-token", hints: ["shippo_"], pattern: token("shippo_(?:live|test)_[a-f0-9]{40}") },
  { kind: "api-token", hints: ["pscale_"], pattern: token("pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_.-]{32,64}") }, // PlanetScale
  { kind: "api-token", hints: ["CFPAT-"], pattern: token("CFPAT-[A-Za-z0-9_-]{43}") }, // Contentful
  { kind: "api-token", hints: ["ops_eyJ"], pattern: token("ops_eyJ[A-Za-z0-9+/=_-]{200,}") }, // 1Password service accounts
  { kind: "api-token", hints: [".atlasv1."], back: 14, pattern: token("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}") }, // Terraform Cloud
  { kind: "api-token", hints: ["NRAK-"], pattern: token("NRAK-[A-Z0-9]{27}") }, // New Relic
  { kind: "api-token", hints: ["dt0c01."], pattern: token("dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}") }, // Dynatrace
  { kind: "api-token", hints: ["bkua_"], pattern: token("bkua_[a-f0-9]{40}") }, // Buildkite
  { kind: "api-token", hints: ["LTAI"], pattern: token("LTAI[A-Za-z0-9]{20}"), valid: looksRandom }, // Alibaba Cloud
  { kind: "api-token", hints: ["sk.eyJ"], pattern: token("sk\\.eyJ[A-Za-z0-9_-]{50,}\\.[A-Za-z0-9_-]{20,}") }, // Mapbox
  { kind: "api-token", hints: ["access_token$production$"], pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}/y }, // Braintree
  { kind: "api-token", hints: ["pat"], pattern: token("pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}") }, // Airtable
];
