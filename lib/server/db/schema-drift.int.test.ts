import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { DMMF } from "@prisma/client/runtime/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** What one side says about each database object, keyed like "column users.email". */
type TShape = Map<string, string>;
type TPgType = { dataType: string; udt: string; args?: string };

const SCHEMA = path.join(process.cwd(), "prisma", "schema.prisma");

// Prisma hands every generator the DMMF its own parser made; this generator only saves it.
// (@prisma/internals' getDMMF is not installed, and the CLI's schema engine cannot be downloaded.)
const DUMP_GENERATOR = `
const { writeFileSync } = require("node:fs");
require("node:readline").createInterface({ input: process.stdin }).on("line", (line) => {
  const { id, method, params } = JSON.parse(line);
  if (method === "generate") writeFileSync(params.generator.output.value + "/datamodel.json", JSON.stringify(params.dmmf.datamodel));
  const result = method === "getManifest" ? { manifest: { prettyName: "datamodel dump", requiresEngines: [] } } : null;
  process.stderr.write(JSON.stringify({ jsonrpc: "2.0", id, result }) + "\\n");
});`;

async function loadDatamodel(schemaFile: string): Promise<DMMF.Datamodel> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tollgate-dmmf-"));
  try {
    await mkdir(path.join(dir, "schema"));
    await mkdir(path.join(dir, "out"));
    await copyFile(schemaFile, path.join(dir, "schema", "schema.prisma"));
    await writeFile(path.join(dir, "dump.cjs"), DUMP_GENERATOR);
    const provider = JSON.stringify(`${process.execPath} ${path.join(dir, "dump.cjs")}`);
    await writeFile(
      path.join(dir, "schema", "dump.prisma"),
      `generator dump {\n  provider = ${provider}\n  output = ${JSON.stringify(path.join(dir, "out"))}\n}\n`,
    );
    await promisify(execFile)(
      path.join(process.cwd(), "node_modules", ".bin", "prisma"),
      ["generate", "--schema", path.join(dir, "schema"), "--generator", "dump", "--no-hints"],
      // Any existing file stops the CLI from downloading a schema engine that generate never uses.
      { env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: path.join(process.cwd(), "package.json"), CHECKPOINT_DISABLE: "1" } },
    );
    return JSON.parse(await readFile(path.join(dir, "out", "datamodel.json"), "utf8")) as DMMF.Datamodel;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Prisma's parse leaves out `Unsupported("…")` fields (decisions.ingest_xid is an xid8), so they are
// read from the schema's text and added to their models, their type written as Postgres names it.
const UNSUPPORTED_FIELD = /^\s*(\w+)\s+Unsupported\("(\w+)"\)(\?)?(.*)$/;

function withUnsupportedFields(dm: DMMF.Datamodel, schemaText: string): DMMF.Datamodel {
  const added = new Map<string, DMMF.Field[]>();
  let model: string | null = null;
  for (const line of schemaText.split("\n")) {
    model = /^model (\w+) \{/.exec(line)?.[1] ?? (line.startsWith("}") ? null : model);
    const field = model ? UNSUPPORTED_FIELD.exec(line) : null;
    if (!model || !field) continue;
    const [, name = "", type = "", optional, rest = ""] = field;
    const generated = /@default\(dbgenerated\("([^"]*)"\)\)/.exec(rest)?.[1];
    added.set(model, [
      ...(added.get(model) ?? []),
      {
        kind: "scalar",
        name,
        dbName: /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? null,
        type: `Unsupported(${type})`,
        isRequired: !optional,
        isList: false,
        isUnique: false,
        isId: false,
        isReadOnly: false,
        hasDefaultValue: generated !== undefined,
        ...(generated !== undefined ? { default: { name: "dbgenerated", args: [generated] } } : {}),
      },
    ]);
  }
  return { ...dm, models: dm.models.map((m) => ({ ...m, fields: [...m.fields, ...(added.get(m.name) ?? [])] })) };
}

const SCALARS: Record<string, TPgType | undefined> = {
  String: { dataType: "text", udt: "text" },
  Int: { dataType: "integer", udt: "int4" },
  BigInt: { dataType: "bigint", udt: "int8" },
  Float: { dataType: "double precision", udt: "float8" },
  Decimal: { dataType: "numeric", udt: "numeric", args: "65,30" },
  Boolean: { dataType: "boolean", udt: "bool" },
  DateTime: { dataType: "timestamp without time zone", udt: "timestamp", args: "3" },
  Json: { dataType: "jsonb", udt: "jsonb" },
  Bytes: { dataType: "bytea", udt: "bytea" },
};

const NATIVE: Record<string, ((args: readonly string[]) => TPgType) | undefined> = {
  Text: () => ({ dataType: "text", udt: "text" }),
  Uuid: () => ({ dataType: "uuid", udt: "uuid" }),
  VarChar: ([n]) => ({ dataType: "character varying", udt: "varchar", args: n }),
  Integer: () => ({ dataType: "integer", udt: "int4" }),
  SmallInt: () => ({ dataType: "smallint", udt: "int2" }),
  BigInt: () => ({ dataType: "bigint", udt: "int8" }),
  Decimal: ([p = "65", s = "30"]) => ({ dataType: "numeric", udt: "numeric", args: `${p},${s}` }),
  Date: () => ({ dataType: "date", udt: "date" }),
  Timestamp: ([p = "6"]) => ({ dataType: "timestamp without time zone", udt: "timestamp", args: p }),
  Timestamptz: ([p = "6"]) => ({ dataType: "timestamp with time zone", udt: "timestamptz", args: p }),
  JsonB: () => ({ dataType: "jsonb", udt: "jsonb" }),
  Json: () => ({ dataType: "json", udt: "json" }),
};

const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

// How Postgres prints an identifier inside an expression such as a column default.
const quoteIdent = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

function expectedShape(dm: DMMF.Datamodel): TShape {
  const shape: TShape = new Map();
  const enumName = (name: string) => dm.enums.find((e) => e.name === name)?.dbName ?? name;
  const models = new Map(dm.models.map((m) => [m.name, m]));
  const tableOf = (model: string) => models.get(model)?.dbName ?? model;
  const columnOf = (model: string, field: string) => models.get(model)?.fields.find((f) => f.name === field)?.dbName ?? field;

  const columnType = (model: string, f: DMMF.Field): string => {
    const [native, args = []] = f.nativeType ?? [];
    const unsupported = /^Unsupported\((\w+)\)$/.exec(f.type)?.[1];
    const mapped =
      f.kind === "enum"
        ? { dataType: "USER-DEFINED", udt: enumName(f.type) }
        : unsupported
          ? { dataType: unsupported, udt: unsupported }
          : native
            ? NATIVE[native]?.(args)
            : SCALARS[f.type];
    if (!mapped) throw new Error(`${model}.${f.name}: no Postgres mapping for ${native ?? f.type}; extend NATIVE/SCALARS`);
    if (f.isList) return `ARRAY _${mapped.udt}`;
    if (f.kind === "enum") return `USER-DEFINED ${mapped.udt}`;
    return mapped.args ? `${mapped.dataType}(${mapped.args})` : mapped.dataType;
  };

  const columnDefault = (model: string, f: DMMF.Field): string | null => {
    const d = f.default;
    if (d === undefined) return null;
    if (typeof d === "boolean" || typeof d === "number") return String(d);
    if (typeof d === "string" && f.type === "BigInt") return d; // Prisma gives a BigInt default as its digits
    if (typeof d === "string") {
      const value = f.kind === "enum" ? (dm.enums.find((e) => e.name === f.type)?.values.find((v) => v.name === d)?.dbName ?? d) : d;
      const cast = f.kind === "enum" ? quoteIdent(enumName(f.type)) : f.type === "String" && !f.nativeType ? "text" : null;
      if (cast) return `'${value.replaceAll("'", "''")}'::${cast}`;
    } else if ("name" in d) {
      if (d.name === "now") return "CURRENT_TIMESTAMP";
      if (["uuid", "cuid", "nanoid", "ulid"].includes(d.name)) return null; // made by Prisma Client, not the database
      if (d.name === "autoincrement") return "autoincrement()";
      if (d.name === "dbgenerated") return String(d.args[0]);
    }
    throw new Error(`${model}.${f.name}: no Postgres mapping for default ${JSON.stringify(d)}; extend columnDefault`);
  };

  for (const e of dm.enums) shape.set(`enum ${e.dbName ?? e.name}`, e.values.map((v) => v.dbName ?? v.name).join(", "));
  for (const m of dm.models) {
    const table = tableOf(m.name);
    shape.set(`table ${table}`, "");
    for (const f of m.fields) {
      if (f.kind === "object") {
        const from = f.relationFromFields ?? [];
        if (from.length === 0) continue;
        const optional = from.some((name) => m.fields.find((x) => x.name === name)?.isRequired === false);
        const onDelete = ACTIONS[f.relationOnDelete ?? (optional ? "SetNull" : "Restrict")];
        const onUpdate = ACTIONS[f.relationOnUpdate ?? "Cascade"];
        const to = (f.relationToFields ?? []).map((name) => columnOf(f.type, name)).join(", ");
        shape.set(
          `foreign key ${table}(${from.map((name) => columnOf(m.name, name)).join(", ")})`,
          `-> ${tableOf(f.type)}(${to}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`,
        );
        continue;
      }
      const nullable = f.isList || !f.isRequired; // Prisma creates list columns without NOT NULL
      const defaultValue = columnDefault(m.name, f);
      shape.set(
        `column ${table}.${f.dbName ?? f.name}`,
        `${columnType(m.name, f)} ${nullable ? "NULL" : "NOT NULL"}${defaultValue ? ` DEFAULT ${defaultValue}` : ""}`,
      );
    }
  }
  for (const index of dm.indexes) {
    const table = tableOf(index.model);
    const columns = index.fields.map((f) => columnOf(index.model, f.name)).join(", ");
    if (index.type === "id") shape.set(`primary key ${table}`, `(${columns})`);
    else shape.set(`${index.type === "unique" ? "unique index" : "index"} ${table}(${columns})`, "");
  }
  return shape;
}

type TColumnRow = {
  table: string;
  column: string;
  data_type: string;
  udt: string;
  nullable: boolean;
  default: string | null;
  length: number | null;
  precision: number | null;
  scale: number | null;
  datetime: number | null;
};

// Prisma 7 cannot declare partitioning, so a partitioned table (decisions, run_events) is compared
// as its parent: the columns, keys and indexes schema.prisma declares. Its partitions are left out:
// Postgres gives each the parent's columns, indexes and foreign keys (and refuses to attach one that
// differs); that they are partitioned at all is tested in lib/server/rollups/raw-partitions.int.test.ts.
const NOT_A_PARTITION = (relname: string) =>
  `${relname} NOT IN (SELECT p.relname FROM pg_class p JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE pn.nspname = 'public' AND p.relispartition)`;

async function databaseShape(client: pg.ClientBase): Promise<TShape> {
  const shape: TShape = new Map();
  const enums = await client.query<{ name: string; labels: string }>(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  for (const e of enums.rows) shape.set(`enum ${e.name}`, e.labels);

  const tables = await client.query<{ table: string }>(`
    SELECT table_name::text AS table FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' AND ${NOT_A_PARTITION("table_name")}`);
  for (const t of tables.rows) shape.set(`table ${t.table}`, "");

  const columns = await client.query<TColumnRow>(`
    SELECT c.table_name::text AS table, c.column_name::text AS column, c.data_type::text, c.udt_name::text AS udt,
      c.is_nullable = 'YES' AS nullable, c.column_default::text AS default, c.character_maximum_length::int AS length,
      c.numeric_precision::int AS precision, c.numeric_scale::int AS scale, c.datetime_precision::int AS datetime
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
      AND ${NOT_A_PARTITION("c.table_name")}`);
  for (const c of columns.rows) {
    const args = /^(timestamp|time) /.test(c.data_type)
      ? c.datetime
      : c.data_type === "numeric" && c.precision !== null
        ? `${c.precision},${c.scale}`
        : c.length;
    const type =
      c.data_type === "ARRAY" || c.data_type === "USER-DEFINED"
        ? `${c.data_type} ${c.udt}`
        : args !== null
          ? `${c.data_type}(${args})`
          : c.data_type;
    const defaultValue = c.default?.startsWith("nextval(") ? "autoincrement()" : c.default;
    shape.set(
      `column ${c.table}.${c.column}`,
      `${type} ${c.nullable ? "NULL" : "NOT NULL"}${defaultValue ? ` DEFAULT ${defaultValue}` : ""}`,
    );
  }

  const columnList = (rel: string, keys: string) =>
    `(SELECT string_agg(a.attname, ', ' ORDER BY col.ord) FROM unnest(${keys}::int2[]) WITH ORDINALITY col(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = col.attnum)`;
  const indexes = await client.query<{ table: string; columns: string; primary: boolean; unique: boolean }>(`
    SELECT c.relname AS table, ${columnList("i.indrelid", "i.indkey")} AS columns, i.indisprimary AS primary, i.indisunique AS unique
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations' AND NOT c.relispartition`);
  for (const i of indexes.rows) {
    if (i.primary) shape.set(`primary key ${i.table}`, `(${i.columns})`);
    else shape.set(`${i.unique ? "unique index" : "index"} ${i.table}(${i.columns})`, "");
  }

  const ACTION_CODES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
  const keys = await client.query<{
    table: string;
    columns: string;
    ref_table: string;
    ref_columns: string;
    on_delete: string;
    on_update: string;
  }>(`
    SELECT s.relname AS table, ${columnList("k.conrelid", "k.conkey")} AS columns, r.relname AS ref_table,
      ${columnList("k.confrelid", "k.confkey")} AS ref_columns, k.confdeltype AS on_delete, k.confupdtype AS on_update
    FROM pg_constraint k JOIN pg_class s ON s.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = k.connamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND NOT s.relispartition`);
  for (const k of keys.rows) {
    shape.set(
      `foreign key ${k.table}(${k.columns})`,
      `-> ${k.ref_table}(${k.ref_columns}) ON DELETE ${ACTION_CODES[k.on_delete]} ON UPDATE ${ACTION_CODES[k.on_update]}`,
    );
  }
  return shape;
}

function drift(expected: TShape, actual: TShape): string[] {
  const show = (key: string, value: string) => (value ? `${key} ${value}` : key);
  return [...new Set([...expected.keys(), ...actual.keys()])].sort().flatMap((key) => {
    const want = expected.get(key);
    const have = actual.get(key);
    if (want === have) return [];
    if (have === undefined) return [`missing from the database: ${show(key, want ?? "")}`];
    if (want === undefined) return [`not in schema.prisma: ${show(key, have)}`];
    return [`differs: ${key}: schema.prisma says ${want}; the database has ${have}`];
  });
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
let datamodel: DMMF.Datamodel;

beforeAll(async () => {
  const [parsed, schemaText] = await Promise.all([loadDatamodel(SCHEMA), readFile(SCHEMA, "utf8"), client.connect()]);
  datamodel = withUnsupportedFields(parsed, schemaText);
});
afterAll(() => client.end());

describe("schema drift", () => {
  it("finds none between the migrated database and prisma/schema.prisma", async () => {
    const found = drift(expectedShape(datamodel), await databaseShape(client));
    expect(found, `Schema drift (fix the migration or the schema):\n  ${found.join("\n  ")}\n`).toEqual([]);
  });

  it("is compared in detail, from Prisma's own parse of the schema", () => {
    const expected = expectedShape(datamodel);
    expect(expected.get("column users.created_at")).toBe("timestamp with time zone(3) NOT NULL DEFAULT CURRENT_TIMESTAMP");
    expect(expected.get("column users.roles")).toBe("ARRAY _Role NULL");
    expect(expected.get("column workflows.status")).toBe(`USER-DEFINED WorkflowStatus NOT NULL DEFAULT 'DRAFT'::"WorkflowStatus"`);
    expect(expected.get("primary key raci_assignments")).toBe("(workflow_id, user_id, function)");
    expect(expected.get("foreign key service_tokens(workflow_id)")).toBe("-> workflows(id) ON DELETE CASCADE ON UPDATE CASCADE");
    expect(expected.has("unique index approved_models(provider, model, version)")).toBe(true);
    expect(expected.get("column run_events.ingest_xid")).toBe("xid8 NOT NULL DEFAULT pg_current_xact_id()");
    expect(expected.has("index run_events(ingest_xid)")).toBe(true);
    expect(expected.get("primary key run_events")).toBe("(workflow_key, id, occurred_at)");
  });

  it("reports changes made in the database but not in the schema", async () => {
    await client.query("BEGIN");
    try {
      await client.query(`
        ALTER TABLE users ADD COLUMN nickname text, ALTER COLUMN name DROP NOT NULL, ALTER COLUMN email TYPE varchar(255);
        ALTER TABLE workflows DROP CONSTRAINT workflows_owner_id_fkey,
          ADD CONSTRAINT workflows_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE;
        DROP INDEX service_tokens_prefix_key;
        ALTER TYPE "Role" ADD VALUE 'GUEST'`);
      expect(drift(expectedShape(datamodel), await databaseShape(client))).toEqual([
        "differs: column users.email: schema.prisma says text NOT NULL; the database has character varying(255) NOT NULL",
        "differs: column users.name: schema.prisma says text NOT NULL; the database has text NULL",
        "not in schema.prisma: column users.nickname text NULL",
        "differs: enum Role: schema.prisma says ADMIN, SECURITY, APPROVER, OWNER, AUDITOR; the database has ADMIN, SECURITY, APPROVER, OWNER, AUDITOR, GUEST",
        "differs: foreign key workflows(owner_id): schema.prisma says -> users(id) ON DELETE RESTRICT ON UPDATE CASCADE; the database has -> users(id) ON DELETE CASCADE ON UPDATE CASCADE",
        "missing from the database: unique index service_tokens(prefix)",
      ]);
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("reports changes made in the schema but not in a migration", async () => {
    const user = datamodel.models.find((m) => m.name === "User");
    const name = user?.fields.find((f) => f.name === "name");
    if (!user || !name) throw new Error("schema.prisma has no User.name to copy");
    const nickname = { ...name, name: "nickname", isRequired: false };
    const edited = {
      ...datamodel,
      models: [...datamodel.models.filter((m) => m !== user), { ...user, fields: [...user.fields, nickname] }],
    };
    expect(drift(expectedShape(edited), await databaseShape(client))).toEqual([
      "missing from the database: column users.nickname text NULL",
    ]);
  });
});
