import {
  ZCatalogIdParams,
  ZCreateDataClass,
  ZCreateModel,
  ZCreateTool,
  ZDataClassList,
  ZDataClassUpdated,
  ZDataClassView,
  ZModelDetail,
  ZModelList,
  ZModelView,
  ZSetModelStatus,
  ZToolList,
  ZToolView,
  ZUpdateDataClass,
  ZUpdateModel,
  ZUpdateTool,
} from "../catalog";
import { defineOperation, type TApiOperation } from "./operation";

const read = { auth: "session", permission: "catalog:read" } as const;
const manage = { auth: "session", permission: "catalog:manage" } as const;

export const listDataClassesOperation = defineOperation({
  ...read,
  id: "listDataClasses",
  method: "GET",
  path: "/api/v1/catalog/data-classes",
  tag: "catalog",
  summary: "Every data class, with how many visible workflows declare it",
  status: 200,
  response: ZDataClassList,
  errors: [],
});

export const createDataClassOperation = defineOperation({
  ...manage,
  id: "createDataClass",
  method: "POST",
  path: "/api/v1/catalog/data-classes",
  tag: "catalog",
  summary: "Add a data class",
  body: ZCreateDataClass,
  status: 201,
  response: ZDataClassView,
  errors: [409],
  audit: "catalog.data_class.changed",
});

export const getDataClassOperation = defineOperation({
  ...read,
  id: "getDataClass",
  method: "GET",
  path: "/api/v1/catalog/data-classes/{id}",
  tag: "catalog",
  summary: "One data class",
  params: ZCatalogIdParams,
  status: 200,
  response: ZDataClassView,
  errors: [404],
});

export const updateDataClassOperation = defineOperation({
  ...manage,
  id: "updateDataClass",
  method: "PATCH",
  path: "/api/v1/catalog/data-classes/{id}",
  tag: "catalog",
  summary: "Edit a data class; lists the workflows whose highest sensitivity moved",
  params: ZCatalogIdParams,
  body: ZUpdateDataClass,
  status: 200,
  response: ZDataClassUpdated,
  errors: [404, 409],
  audit: "catalog.data_class.changed",
});

export const deleteDataClassOperation = defineOperation({
  ...manage,
  id: "deleteDataClass",
  method: "DELETE",
  path: "/api/v1/catalog/data-classes/{id}",
  tag: "catalog",
  summary: "Delete a data class no workflow declares",
  params: ZCatalogIdParams,
  status: 204,
  errors: [404, 409],
  audit: "catalog.data_class.changed",
});

export const listModelsOperation = defineOperation({
  ...read,
  id: "listModels",
  method: "GET",
  path: "/api/v1/catalog/models",
  tag: "catalog",
  summary: "Every approved model",
  status: 200,
  response: ZModelList,
  errors: [],
});

export const createModelOperation = defineOperation({
  ...manage,
  id: "createModel",
  method: "POST",
  path: "/api/v1/catalog/models",
  tag: "catalog",
  summary: "Approve a model (provider/model/version)",
  body: ZCreateModel,
  status: 201,
  response: ZModelView,
  errors: [409],
  audit: "catalog.model.changed",
});

export const getModelOperation = defineOperation({
  ...read,
  id: "getModel",
  method: "GET",
  path: "/api/v1/catalog/models/{id}",
  tag: "catalog",
  summary: "One model with the workflows that list it",
  params: ZCatalogIdParams,
  status: 200,
  response: ZModelDetail,
  errors: [404],
});

export const updateModelOperation = defineOperation({
  ...manage,
  id: "updateModel",
  method: "PATCH",
  path: "/api/v1/catalog/models/{id}",
  tag: "catalog",
  summary: "Edit a model's terms",
  params: ZCatalogIdParams,
  body: ZUpdateModel,
  status: 200,
  response: ZModelView,
  errors: [404, 409],
  audit: "catalog.model.changed",
});

export const setModelStatusOperation = defineOperation({
  ...manage,
  id: "setModelStatus",
  method: "POST",
  path: "/api/v1/catalog/models/{id}/status",
  tag: "catalog",
  summary: "Suspend or reinstate a model, with a reason",
  params: ZCatalogIdParams,
  body: ZSetModelStatus,
  status: 200,
  response: ZModelDetail,
  errors: [404, 409],
  audit: "catalog.model.changed",
});

export const listToolsOperation = defineOperation({
  ...read,
  id: "listTools",
  method: "GET",
  path: "/api/v1/catalog/tools",
  tag: "catalog",
  summary: "Every tool in the catalog",
  status: 200,
  response: ZToolList,
  errors: [],
});

export const createToolOperation = defineOperation({
  ...manage,
  id: "createTool",
  method: "POST",
  path: "/api/v1/catalog/tools",
  tag: "catalog",
  summary: "Add a tool; its argument contract must be a valid JSON Schema",
  body: ZCreateTool,
  status: 201,
  response: ZToolView,
  errors: [409],
  audit: "catalog.tool.changed",
});

export const getToolOperation = defineOperation({
  ...read,
  id: "getTool",
  method: "GET",
  path: "/api/v1/catalog/tools/{id}",
  tag: "catalog",
  summary: "One tool",
  params: ZCatalogIdParams,
  status: 200,
  response: ZToolView,
  errors: [404],
});

export const updateToolOperation = defineOperation({
  ...manage,
  id: "updateTool",
  method: "PATCH",
  path: "/api/v1/catalog/tools/{id}",
  tag: "catalog",
  summary: "Edit a tool; a riskier consequence needs every grant at its tier first",
  params: ZCatalogIdParams,
  body: ZUpdateTool,
  status: 200,
  response: ZToolView,
  errors: [404, 409],
  audit: "catalog.tool.changed",
});

export const CATALOG_OPERATIONS: readonly TApiOperation[] = [
  listDataClassesOperation,
  createDataClassOperation,
  getDataClassOperation,
  updateDataClassOperation,
  deleteDataClassOperation,
  listModelsOperation,
  createModelOperation,
  getModelOperation,
  updateModelOperation,
  setModelStatusOperation,
  listToolsOperation,
  createToolOperation,
  getToolOperation,
  updateToolOperation,
];
