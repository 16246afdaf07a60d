import type { ReactNode } from "react";

/** A message about the last action: `error` is announced at once, `success` and `info` politely. */
export function Alert({
  tone,
  title,
  children,
  reference,
}: {
  tone: "error" | "success" | "info";
  title?: string;
  children?: ReactNode;
  reference?: string | null;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <strong className="alert-title">{title}</strong> : null}
      {children ? <div>{children}</div> : null}
      {reference ? (
        <p className="alert-reference">
          Reference: <code>{reference}</code>
        </p>
      ) : null}
    </div>
  );
}
