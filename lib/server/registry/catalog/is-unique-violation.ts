import "server-only";
import { Prisma } from "../../db/generated/client";

/** Two creations of one key can both pass the existence check; the unique index decides. */
export const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
