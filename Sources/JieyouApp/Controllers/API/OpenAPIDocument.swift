/// The OpenAPI 3.0 description of `/api/v1`. Kept beside the controllers it describes; a test checks
/// that every API route is listed here.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {"title": "解优 Jieyou API", "version": "1.0.0",
            "description": "Enterprise-service platform for industrial parks. Sign in with POST /auth/login and send the token as `Authorization: Bearer <token>`. Errors are `{\"error\": {\"code\", \"message\", \"field\"}}` with a Chinese message."},
          "servers": [{"url": "/api/v1"}],
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}}}}},
              "OrgUnit": {"type": "object", "required": ["id", "level", "name", "path"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "parentId": {"type": "string", "format": "uuid"},
                "level": {"type": "string", "enum": ["province", "city", "county", "park"]}, "name": {"type": "string"},
                "code": {"type": "string"}, "path": {"type": "string"}}},
              "OrgUnitWrite": {"type": "object", "properties": {
                "parentId": {"type": "string", "format": "uuid"}, "level": {"type": "string", "enum": ["city", "county", "park"]},
                "name": {"type": "string", "maxLength": 60}, "code": {"type": "string"}}},
              "Department": {"type": "object", "required": ["id", "orgUnitId", "name", "kind", "active"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "orgUnitId": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                "kind": {"type": "string", "enum": ["bureau", "taskForce", "workingGroup", "company", "streetTown", "external"]},
                "phone": {"type": "string"}, "active": {"type": "boolean"}}},
              "DepartmentWrite": {"type": "object", "properties": {
                "orgUnitId": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "kind": {"type": "string"},
                "phone": {"type": "string"}, "active": {"type": "boolean"}}},
              "User": {"type": "object", "required": ["id", "username", "displayName", "roles", "orgUnitId", "active"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "username": {"type": "string"}, "displayName": {"type": "string"},
                "phone": {"type": "string"}, "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
                "orgUnitId": {"type": "string", "format": "uuid"}, "departmentId": {"type": "string", "format": "uuid"},
                "enterpriseId": {"type": "string", "format": "uuid"}, "active": {"type": "boolean"},
                "mustChangePassword": {"type": "boolean", "description": "still on the one-time password of an account import"}}},
              "UserWrite": {"type": "object", "properties": {
                "username": {"type": "string"}, "password": {"type": "string", "minLength": 8}, "displayName": {"type": "string"},
                "phone": {"type": "string"}, "roles": {"type": "array", "items": {"$ref": "#/components/schemas/Role"}},
                "orgUnitId": {"type": "string", "format": "uuid"}, "departmentId": {"type": "string", "format": "uuid", "nullable": true},
                "enterpriseId": {"type": "string", "format": "uuid", "nullable": true}, "active": {"type": "boolean"}}},
              "Enterprise": {"type": "object", "required": ["id", "orgUnitId", "creditCode", "name", "tags", "whitelisted", "contacts", "liaison"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "orgUnitId": {"type": "string", "format": "uuid"},
                "creditCode": {"type": "string", "description": "统一社会信用代码, GB 32100-2015 check character verified"}, "name": {"type": "string"},
                "industry": {"type": "string", "description": "GB/T 4754-2017 section (C) or division (27)"}, "industryName": {"type": "string"},
                "region": {"type": "string", "description": "GB/T 2260 code"}, "regionName": {"type": "string"},
                "scale": {"type": "string", "enum": ["above", "below"]}, "tags": {"type": "array", "items": {"type": "string"}},
                "relatedInfo": {"type": "string"}, "whitelisted": {"type": "boolean"},
                "contacts": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "post": {"type": "string"}, "phone": {"type": "string", "description": "masked as 138****5678 for roles that do not call enterprises"}}}},
                "liaison": {"type": "object", "properties": {"leader": {"$ref": "#/components/schemas/Ref"}, "department": {"$ref": "#/components/schemas/Ref"}, "cadres": {"type": "array", "items": {"$ref": "#/components/schemas/Ref"}}}}}},
              "EnterpriseWrite": {"type": "object", "description": "On PATCH only the fields sent change; industry, region and scale accept codes or the Chinese names sheets use", "properties": {
                "orgUnitId": {"type": "string", "format": "uuid"}, "creditCode": {"type": "string"}, "name": {"type": "string"},
                "industry": {"type": "string"}, "region": {"type": "string"}, "scale": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string"}}, "relatedInfo": {"type": "string"}, "whitelisted": {"type": "boolean"},
                "registeredOn": {"type": "string", "format": "date", "description": "成立日期"}, "revenue": {"type": "string", "description": "上年营业收入, 万元, exact decimal text (a number is accepted)"},
                "employees": {"type": "integer", "description": "从业人员"},
                "contacts": {"type": "array", "maxItems": 5, "items": {"type": "object", "properties": {"name": {"type": "string"}, "post": {"type": "string"}, "phone": {"type": "string"}}}}}},
              "EligibilityRule": {"type": "object", "description": "A policy's 申报条件: either a group {all: [rule]}, {any: [rule]}, {not: rule}, or a condition {field, op, values}. Fields and their operators: industry, scale, region, orgUnit, enterprise (in); tag (hasAny, hasAll); yearsRegistered, revenue (万元), employees (atLeast, atMost, between); whitelisted (is). Values are codes or the Chinese names people write (制造业, 规上, 岳阳市, 专精特新); an unknown field, operator, key or value is a 400 naming it (e.g. rule.all[1].op). {\"all\": []} is every enterprise", "properties": {
                "all": {"type": "array", "items": {"$ref": "#/components/schemas/EligibilityRule"}}, "any": {"type": "array", "items": {"$ref": "#/components/schemas/EligibilityRule"}},
                "not": {"$ref": "#/components/schemas/EligibilityRule"}, "field": {"type": "string", "enum": ["industry", "scale", "tag", "region", "orgUnit", "yearsRegistered", "revenue", "employees", "whitelisted", "enterprise"]},
                "op": {"type": "string", "enum": ["in", "hasAny", "hasAll", "atLeast", "atMost", "between", "is"]}, "values": {"type": "array", "items": {"type": "string"}}}},
              "PolicyWrite": {"type": "object", "description": "On PATCH only the fields sent change", "properties": {
                "orgUnitId": {"type": "string", "format": "uuid", "description": "the issuing unit; default the caller's"}, "title": {"type": "string", "maxLength": 200},
                "documentNumber": {"type": "string", "description": "文号"}, "issuer": {"type": "string"}, "level": {"type": "string", "enum": ["national", "provincial", "city", "county", "park"]},
                "themes": {"type": "array", "items": {"type": "string"}}, "columns": {"type": "array", "items": {"type": "string"}, "description": "政策专栏"},
                "summary": {"type": "string"}, "validFrom": {"type": "string", "format": "date"}, "validUntil": {"type": "string", "format": "date"},
                "departmentId": {"type": "string", "format": "uuid", "description": "责任部门, of the issuing unit"}, "benefitKind": {"type": "string", "enum": ["subsidy", "award", "reduction", "loan", "service"]},
                "sourceText": {"type": "string"}, "sourceUrl": {"type": "string"}, "automatic": {"type": "boolean", "description": "免申即享"},
                "rule": {"$ref": "#/components/schemas/EligibilityRule"}}},
              "MeetingKind": {"type": "string", "enum": ["symposium", "policyBriefing", "assignment", "lookBack", "financing", "supplyDemand", "morningTea"]},
              "CampaignWrite": {"type": "object", "properties": {
                "orgUnitId": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                "startsOn": {"type": "string", "format": "date"}, "mobilisationEndsOn": {"type": "string", "format": "date"},
                "actionEndsOn": {"type": "string", "format": "date"}, "endsOn": {"type": "string", "format": "date"},
                "scope": {"type": "string", "enum": ["all", "aboveScale", "tag", "list"]}, "scopeTag": {"type": "string"},
                "requiredVisits": {"type": "integer", "minimum": 1, "maximum": 50, "default": 3},
                "cadences": {"type": "array", "items": {"type": "string", "enum": ["weekly", "tenDay", "monthly", "quarterly"]}},
                "enterpriseIds": {"type": "array", "items": {"type": "string", "format": "uuid"}}}},
              "TeamWrite": {"type": "object", "properties": {
                "orgUnitId": {"type": "string", "format": "uuid"}, "kind": {"type": "string", "enum": ["keyEnterprise", "keyProject"]},
                "name": {"type": "string"}, "project": {"type": "string"}, "leaderId": {"type": "string", "format": "uuid"},
                "memberIds": {"type": "array", "items": {"type": "string", "format": "uuid"}},
                "enterpriseIds": {"type": "array", "items": {"type": "string", "format": "uuid"}}}},
              "Ref": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}}},
              "Role": {"type": "string", "enum": ["admin", "dispatcher", "handler", "cadre", "leader", "enterprise", "monitor", "upper"]}
            },
            "responses": {
              "Error": {"description": "Client error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "security": [{"bearer": []}],
          "paths": {
            "/auth/login": {"post": {"summary": "Sign in", "security": [],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["username", "password"], "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
              "responses": {"200": {"description": "Token; mustChangePassword: a one-time password, which must be changed (POST /auth/password) before any other call but me and logout", "content": {"application/json": {"schema": {"type": "object", "properties": {"token": {"type": "string"}, "user": {"$ref": "#/components/schemas/User"}, "mustChangePassword": {"type": "boolean"}}}}}},
                "401": {"$ref": "#/components/responses/Error"}}}},
            "/auth/logout": {"post": {"summary": "Revoke the token", "responses": {"204": {"description": "Revoked"}}}},
            "/auth/password": {"post": {"summary": "Change the signed-in user's password (at least 8 characters with letters and digits); the user's other sessions end",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["currentPassword", "newPassword"], "properties": {"currentPassword": {"type": "string"}, "newPassword": {"type": "string", "minLength": 8, "maxLength": 72}}}}}},
              "responses": {"204": {"description": "Changed"}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
            "/me": {"get": {"summary": "The signed-in user", "responses": {"200": {"description": "User, org unit and capabilities"}, "401": {"$ref": "#/components/responses/Error"}}}},
            "/me/work": {"get": {"summary": "The signed-in user's 工作台: each ledger view it works from with its count (the ledger takes the same view), an enterprise's open problems, problems awaiting its rating and policies it has not confirmed, and a task force's inbox (reports from below unread, reports due from below not issued)", "responses": {"200": {"description": "Queues"}, "401": {"$ref": "#/components/responses/Error"}}}},
            "/org-units": {
              "get": {"summary": "Org units in the caller's subtree", "responses": {"200": {"description": "List", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/OrgUnit"}}}}}}},
              "post": {"summary": "Create an org unit (admin)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrgUnitWrite"}}}},
                "responses": {"201": {"description": "Created"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/org-units/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One org unit", "responses": {"200": {"description": "Org unit"}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Edit an org unit (admin)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrgUnitWrite"}}}},
                "responses": {"200": {"description": "Updated"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/departments": {
              "get": {"summary": "Departments in the caller's subtree", "parameters": [{"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "List", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Department"}}}}}}},
              "post": {"summary": "Create a department (admin)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/DepartmentWrite"}}}},
                "responses": {"201": {"description": "Created"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/departments/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One department", "responses": {"200": {"description": "Department"}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Edit a department (admin)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/DepartmentWrite"}}}},
                "responses": {"200": {"description": "Updated"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/users": {
              "get": {"summary": "Users in the caller's subtree (admin)", "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "role", "in": "query", "schema": {"$ref": "#/components/schemas/Role"}},
                {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}, {"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}, "nextCursor": {"type": "string"}}}}}}}},
              "post": {"summary": "Create a user (admin)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserWrite"}}}},
                "responses": {"201": {"description": "Created"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/users/import": {
              "post": {"summary": "Open accounts from a sheet (admin; .xlsx or .csv: 姓名, 手机号, 用户名, 所属单位, 所属部门, 角色, 联系企业, 邮箱, in any order); all or nothing. Each new account gets a one-time password, listed in the answer only, and must change it at its first sign-in; a cadre's 联系企业 become its 驻企 liaisons", "parameters": [{"name": "orgUnit", "in": "query", "description": "the unit the accounts join when a row names none (default: the admin's)", "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
                "responses": {"200": {"description": "created, and accounts: row, username, displayName, unit, roles, password", "content": {"application/json": {"schema": {"type": "object", "properties": {"created": {"type": "integer"}, "accounts": {"type": "array", "items": {"type": "object", "properties": {"row": {"type": "integer"}, "username": {"type": "string"}, "displayName": {"type": "string"}, "unit": {"type": "string"}, "roles": {"type": "array", "items": {"type": "string"}}, "password": {"type": "string"}}}}}}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "422": {"description": "Nothing imported: error.rows lists every bad row and column", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/users/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One user (admin)", "responses": {"200": {"description": "User"}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Edit a user (admin); departmentId or enterpriseId null unlinks", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserWrite"}}}},
                "responses": {"200": {"description": "Updated"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/enterprises": {
              "get": {"summary": "Enterprises the caller may read (an enterprise account: itself)", "parameters": [
                {"name": "q", "in": "query", "description": "part of the name, or the start of the credit code", "schema": {"type": "string"}},
                {"name": "industry", "in": "query", "schema": {"type": "string"}}, {"name": "region", "in": "query", "schema": {"type": "string"}},
                {"name": "scale", "in": "query", "schema": {"type": "string", "enum": ["above", "below"]}}, {"name": "tag", "in": "query", "schema": {"type": "string"}},
                {"name": "cadre", "in": "query", "description": "stationed cadre (user id)", "schema": {"type": "string", "format": "uuid"}},
                {"name": "neverVisited", "in": "query", "schema": {"type": "boolean"}},
                {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}, {"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "A page: items, total, totalCapped (a name search counts to 1,000 and sets it when more match), nextCursor"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Register an enterprise (admin, dispatcher)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/EnterpriseWrite"}}}},
                "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Enterprise"}}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/enterprises/export": {
              "get": {"summary": "Every enterprise of the list's filters as one file (.xlsx with the import's columns, so it can be corrected and imported again, and the last visit; or .csv in UTF-8 with a BOM). Phones are masked for readers who do not see them", "parameters": [
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}},
                {"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "industry", "in": "query", "schema": {"type": "string"}},
                {"name": "region", "in": "query", "schema": {"type": "string"}}, {"name": "scale", "in": "query", "schema": {"type": "string", "enum": ["above", "below"]}},
                {"name": "tag", "in": "query", "schema": {"type": "string"}}, {"name": "cadre", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "neverVisited", "in": "query", "schema": {"type": "boolean"}}, {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/enterprises/import": {
              "post": {"summary": "Import an enterprise list (.xlsx or .csv in UTF-8 or GB18030); all or nothing", "parameters": [{"name": "orgUnit", "in": "query", "description": "unit the enterprises join when the sheet has no 所属园区 column", "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
                "responses": {"200": {"description": "rows, created, updated, unchanged, format, encoding"}, "400": {"$ref": "#/components/responses/Error"},
                  "422": {"description": "Nothing imported: error.rows lists every bad row and column (first 1,000), error.errorCount how many", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/enterprises/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One enterprise", "responses": {"200": {"description": "Enterprise", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Enterprise"}}}}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Edit an enterprise (admin, dispatcher)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/EnterpriseWrite"}}}},
                "responses": {"200": {"description": "Updated"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/enterprises/{id}/liaison": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "put": {"summary": "Set 三联 liaison: 联点领导, 对口部门, 驻企干部 (admin, dispatcher)", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "leaderId": {"type": "string", "format": "uuid"}, "departmentId": {"type": "string", "format": "uuid"}, "cadreIds": {"type": "array", "items": {"type": "string", "format": "uuid"}}}}}}},
                "responses": {"200": {"description": "The enterprise with its liaison"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/visits": {
              "get": {"summary": "Visits the caller may read, newest first", "parameters": [
                {"name": "enterprise", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
                "responses": {"200": {"description": "items: visits with cadres and findings"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Record a visit (cadre, dispatcher, admin) with the problems and suggestions found", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "enterpriseId": {"type": "string", "format": "uuid"}, "visitedOn": {"type": "string", "format": "date", "description": "default today"},
                "purposes": {"type": "array", "items": {"type": "string", "enum": ["survey", "policyBriefing", "problemFinding", "demandCollection", "lookBack"]}},
                "notes": {"type": "string"}, "cadreIds": {"type": "array", "items": {"type": "string", "format": "uuid"}, "description": "a cadre recording its own visit is included"},
                "findings": {"type": "array", "maxItems": 10, "items": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["problem", "suggestion"]}, "text": {"type": "string", "maxLength": 500}}}}}}}}},
                "responses": {"201": {"description": "items: the recorded visit"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/meetings": {
              "get": {"summary": "Meetings (活动) of the caller's subtree, newest first", "parameters": [
                {"name": "enterprise", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/MeetingKind"}},
                {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}],
                "responses": {"200": {"description": "items: meetings with enterpriseCount, findingCount, intendedYuan, lentYuan, dealCount"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Record a meeting with attending enterprises and outcomes (cadre, dispatcher, admin)", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "orgUnitId": {"type": "string", "format": "uuid"}, "kind": {"$ref": "#/components/schemas/MeetingKind"}, "title": {"type": "string", "maxLength": 80},
                "heldOn": {"type": "string", "format": "date"}, "place": {"type": "string"}, "departmentId": {"type": "string", "format": "uuid"}, "notes": {"type": "string"},
                "enterpriseIds": {"type": "array", "items": {"type": "string", "format": "uuid"}},
                "findings": {"type": "array", "items": {"type": "object", "properties": {"enterpriseId": {"type": "string", "format": "uuid"}, "kind": {"type": "string", "enum": ["problem", "suggestion"]}, "text": {"type": "string"}}}},
                "financings": {"type": "array", "description": "政银企对接会 only; amounts in 万元 as number or text", "items": {"type": "object", "properties": {"enterpriseId": {"type": "string", "format": "uuid"}, "bank": {"type": "string"}, "intendedWan": {"type": "string"}, "lentWan": {"type": "string"}}}},
                "deals": {"type": "array", "description": "供需对接会 only", "items": {"type": "object", "properties": {"enterpriseId": {"type": "string", "format": "uuid"}, "counterpart": {"type": "string"}, "subject": {"type": "string"}, "amountWan": {"type": "string"}}}}}}}}},
                "responses": {"201": {"description": "The meeting with its enterprises, findings, financings and deals (amounts in 元)"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/meetings/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One meeting with everything recorded at it", "responses": {"200": {"description": "Meeting"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/campaigns": {
              "get": {"summary": "Campaigns (专项行动) of the caller's subtree and of the units above it", "responses": {"200": {"description": "items: campaigns with today's phase"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Create a campaign (admin)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignWrite"}}}},
                "responses": {"201": {"description": "Created"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/campaigns/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One campaign (with its enterprises when the scope is a list)", "responses": {"200": {"description": "Campaign"}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Edit a campaign (admin); only the fields sent change", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignWrite"}}}},
                "responses": {"200": {"description": "Updated"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/coverage": {
              "get": {"summary": "走访覆盖 of a campaign or a period over an org subtree", "parameters": [
                {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "campaign", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "default: the campaign's start, or this week's Monday"},
                {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "default: today, within the campaign"}],
                "responses": {"200": {"description": "enterprisesInScope, visitedAtLeastOnce, visitedAsRequired, neverVisitedCount, visits, cadresActive, days, rates, headline, perDay, perCadre, neverVisited (first 500 by name)"},
                  "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/teams": {
              "get": {"summary": "一对一专班 of the caller's subtree", "responses": {"200": {"description": "items: teams with leader, members and enterprises"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Create a team (admin, dispatcher)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/TeamWrite"}}}},
                "responses": {"201": {"description": "Created"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/teams/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One team", "responses": {"200": {"description": "Team"}, "404": {"$ref": "#/components/responses/Error"}}},
              "put": {"summary": "Replace a team (admin, dispatcher)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/TeamWrite"}}}},
                "responses": {"200": {"description": "Team"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/problems": {
              "get": {"summary": "The problem ledger (台账) the caller may read: its subtree (staff), its department's (handler), its own (enterprise), its reports (monitor)", "parameters": [
                  {"name": "state", "in": "query", "schema": {"type": "string"}, "description": "Comma-separated states: submitted, accepted, assigned, inProgress, returned, ongoing, resolved, closed, rejected, escalated, merged (also accepted as `status`)"},
                  {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["problem", "suggestion"]}},
                  {"name": "category", "in": "query", "schema": {"type": "string"}, "description": "A shipped category takes in its sub-categories"},
                  {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 50}, "description": "Part of the number, the description or the enterprise's name"},
                  {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Came in on or after"},
                  {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Came in on or before"},
                  {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["deadline", "-deadline", "number", "-number", "submitted", "-submitted"], "default": "deadline"}},
                  {"name": "cursor", "in": "query", "schema": {"type": "string"}, "description": "nextCursor of the previous page (opaque)"},
                  {"name": "department", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "Lead or co-department"},
                  {"name": "enterprise", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "campaign", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "flag", "in": "query", "schema": {"type": "string", "enum": ["typicalCase", "supervised", "leaderCase"]}},
                  {"name": "overdue", "in": "query", "schema": {"type": "boolean"}},
                  {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "view", "in": "query", "schema": {"type": "string", "enum": ["toAccept", "toAssign", "returned", "overdue", "toRevisit", "toSign", "working", "dueSoon", "assisting", "supervised", "leaderCases"]}},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 200}},
                  {"name": "offset", "in": "query", "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "items (in the order of sort), total, limit, offset, nextCursor (null on the last page)"}, "400": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Submit a problem (dispatcher, cadre, enterprise for itself, monitor): enterpriseId, kind (problem|suggestion), category, source, description, campaignId",
                "responses": {"201": {"description": "The problem, numbered per org and year, state submitted"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/problems/list.xlsx": {
              "get": {"summary": "The 问题清单 of seed 000's attachment (.xlsx) for the problems the ledger's query selects (the same parameters as GET /problems, without paging): the header word for word, enterprises numbered with their five cells merged over their problems, problems numbered, 交办单位及时间, 办理进展, the closing note. title=false leaves out the title row", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/problems/import": {
              "post": {"summary": "Take a 问题清单 in (dispatchers, admins; multipart field file, .xlsx or .csv), all or nothing: enterprises matched by name or a 统一社会信用代码 column (and registered in orgUnit when the code is new), categories by name, 交办单位 by the unit's departments; each problem taken through the workflow to the state its 办理进展 names", "parameters": [{"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "problems, enterprisesMatched, enterprisesCreated, numbers"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"description": "error.rows: each bad row, column, header and message"}}}},
            "/problems/{id}/attachments": {
              "get": {"summary": "The files of a problem the reader may read, oldest first: id, purpose, purposeName, fileName, mediaType, byteCount, sha256, uploadedBy, createdAt, href", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "items"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Add files to a problem (its dispatchers, handlers, leaders, liaison cadres, its enterprise and the monitor who reported it; multipart: files[] or file, and purpose: submission (问题材料), progress (进展材料), resolution (办结材料)). JPG, PNG, PDF, .docx or .xlsx, known by content; each at most JIEYOU_ATTACHMENT_MAX_MB (default 20). All or none; each upload is an event of the record", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"files[]": {"type": "array", "items": {"type": "string", "format": "binary"}}, "file": {"type": "string", "format": "binary"}, "purpose": {"type": "string"}}}}}},
                "responses": {"201": {"description": "items: the stored files"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/visits/{id}/attachments": {
              "get": {"summary": "The files of a visit the reader may read, oldest first: id, purpose, purposeName, fileName, mediaType, byteCount, sha256, uploadedBy, createdAt, href", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "items"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Add files to a visit (its cadres and the unit's recorders of field work; multipart: files[] or file, and purpose: photo (现场照片), other). JPG, PNG, PDF, .docx or .xlsx, known by content; each at most JIEYOU_ATTACHMENT_MAX_MB (default 20). All or none; each upload is an event of the record", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"files[]": {"type": "array", "items": {"type": "string", "format": "binary"}}, "file": {"type": "string", "format": "binary"}, "purpose": {"type": "string"}}}}}},
                "responses": {"201": {"description": "items: the stored files"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/meetings/{id}/attachments": {
              "get": {"summary": "The files of a meeting the reader may read, oldest first: id, purpose, purposeName, fileName, mediaType, byteCount, sha256, uploadedBy, createdAt, href", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "items"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Add files to a meeting (the unit's recorders of field work; multipart: files[] or file, and purpose: attendance (签到表), minutes (会议纪要), photo, other). JPG, PNG, PDF, .docx or .xlsx, known by content; each at most JIEYOU_ATTACHMENT_MAX_MB (default 20). All or none; each upload is an event of the record", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"files[]": {"type": "array", "items": {"type": "string", "format": "binary"}}, "file": {"type": "string", "format": "binary"}, "purpose": {"type": "string"}}}}}},
                "responses": {"201": {"description": "items: the stored files"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/attachments/{id}": {
              "get": {"summary": "One file's bytes, to readers of its record (404 to anyone else); pictures and PDFs inline, office files as a download; each download is an event", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "The file, with its media type"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/problems/responsibility.xlsx": {
              "get": {"summary": "The 责任清单 (.xlsx, staff): departments holding open problems, most overdue first, each problem with its deadline and working days overdue; the ledger's filters", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/problems/closed.xlsx": {
              "get": {"summary": "The 销号清单 (.xlsx, staff): closed problems latest first with the days assigned, resolved and closed, the result and the rating; the ledger's filters and closedFrom/closedTo", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/reports/bulletin": {
              "get": {"summary": "周调度 / 旬通报 / 月通报 / 季讲评 for a unit of the reader's subtree: kind (week, tenDay, month, quarter; default tenDay), period (e.g. tenDay-2024-09-1, week-2024-09-19, month-2024-09, quarter-2024-3; default the last one ended), orgUnit. The figures are GET /stats's for the period and the one before; with the department ranking, the problems closed in the period, the overdue and 督办 problems as of today, typical cases and common open problems",
                "responses": {"200": {"description": "Bulletin"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/reports/bulletin.docx": {
              "get": {"summary": "The same bulletin as an official document (.docx after GB/T 9704); masthead=true adds the 红头", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/dashboard": {
              "get": {"summary": "The leaders' dashboard (数据看板) for a unit of the reader's subtree: orgUnit (default the reader's), from/to (the days problems came in; default this year to today), campaign (whose coverage is shown; default the latest begun at or above the unit). stats as GET /stats grouped by department; openNow, overdueNow, supervisedNow; categories (counts per stage: waiting, working, resolved, closed); trend (new and closed problems in each of the last 12 旬); coverage of each unit below; composedAt: a dashboard that took more than a second to compose is kept up to an hour (the top units' are composed hourly in the background), a handler's is always composed",
                "responses": {"200": {"description": "Dashboard"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/reports/campaign": {
              "get": {"summary": "A campaign's 总结报告 (seed 000 五(三)) for a unit of both the reader's and the campaign's subtree: campaign (required), orgUnit (default the campaign's unit, or the reader's when the campaign is above it). Coverage as GET /coverage?campaign=, the campaign's problems as GET /stats?campaign= with the department ranking, suggestions adopted, up to 3 typical cases, and the problems still open with their lead and co-departments",
                "parameters": [{"name": "campaign", "in": "query", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "CampaignSummary"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/reports/campaign.docx": {
              "get": {"summary": "The same summary as an official document (.docx); masthead=true adds the 红头", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/reports/inbox": {
              "get": {"summary": "报送收件箱 of the caller's unit: received (the reports the units below issued to it — the nearest unit above a unit with dispatchers, leaders or 上级专班 — latest first, with status onTime|late against their due day, readAt and readByName while null unread) and deliveries (for each unit reporting to it, the last period due of each cadence its running campaigns keep: status onTime, late or missing, missing first)", "responses": {"200": {"description": "ReportInbox"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/reports/records/{id}/read": {
              "post": {"summary": "Mark a report submitted to the caller's unit 已阅 (its dispatchers, leaders, 上级专班, admins); the first reader and time stay", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "StoredReport"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/reports/records": {
              "get": {"summary": "Stored reports of a unit's subtree (orgUnit, default the reader's; state draft or issued), drafts first: what the drafting job keeps when a campaign's reporting period ends (its cadences) or the campaign ends, and what dispatchers keep", "responses": {"200": {"description": "[{id, orgUnitId, unitName, kind, kindName, periodKey, title, state, dueOn, draftedAt, issuedAt}]"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Keep a draft for the caller's own unit (its dispatchers and admins): kind week, tenDay, month or quarter with period (default the last ended), or kind campaign with campaign. 201 when new, 200 with the one already kept", "responses": {"200": {"description": "StoredReport"}, "201": {"description": "StoredReport"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/reports/records/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One stored report: its state and its bulletin or campaignSummary as drafted", "responses": {"200": {"description": "StoredReport"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Rewrite a draft's paragraphs (the unit's dispatchers and admins): summary (一、总体情况) and nextSteps (六、下步工作), each up to 3000 characters. 409 once issued", "responses": {"200": {"description": "StoredReport"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/reports/records/{id}/issue": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "Issue (印发) a draft: from then on it never changes. 409 when already issued", "responses": {"200": {"description": "StoredReport"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/reports/records/{id}/docx": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The stored report as an official document (.docx); a draft's file name says 草稿; masthead=true adds the 红头", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/policies": {
              "get": {"summary": "The 政策清单: staff read the policies of their subtree and of the units above (q: title, 文号 or summary; theme; column; automatic=true). An enterprise account gets only the policies in force that fit it, each with reasons (符合：制造业；规上) and acknowledged", "responses": {"200": {"description": "items: [Policy with rule, ruleText, inForce]"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Enter a policy (dispatchers and admins, for a unit of their subtree)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PolicyWrite"}}}}, "responses": {"201": {"description": "Policy"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/policies/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One policy (for an enterprise, only one that fits it)", "responses": {"200": {"description": "Policy"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {"summary": "Change a policy (dispatchers and admins of its unit or above)", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/PolicyWrite"}}}}, "responses": {"200": {"description": "Policy"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/policies/{id}/eligible-enterprises": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "精准推送: the enterprises of the reader's scope (within the policy's unit) that fit the rule, by name, each with reasons, the channels that reached it and whether it knows the policy; eligible, delivered, known and awareness (知晓率 = known ÷ eligible; an online push is known once acknowledged). limit (1–1000, default 100) and offset page the items", "responses": {"200": {"description": "policyId, eligible, delivered, known, awareness, items, nextOffset"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/policies/{id}/push": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "Push the policy online to every qualifying enterprise of the caller's scope not yet pushed, with a notice to its accounts (dispatchers and admins; 409 outside its validity)", "responses": {"200": {"description": "pushed: how many enterprises"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/policies/{id}/acknowledge": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "An enterprise account confirms it knows a policy that fits it (确认知晓); without a push, this records an online delivery", "responses": {"204": {"description": "Acknowledged"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/policies/{id}/grants": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "免申即享 approval: the same benefit {enterpriseIds, kind, amount (万元), grantedOn, note} for each listed enterprise; each must fit the policy today and be in the caller's scope, or nothing is written", "responses": {"201": {"description": "granted, benefitIds"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/policy-deliveries": {
              "get": {"summary": "Deliveries within the reader's subtree (an enterprise: its own), newest first, at most 1000; policy and enterprise filter", "responses": {"200": {"description": "items: [{id, policyId, policyTitle, enterpriseId, enterpriseName, channel, deliveredOn, acknowledgedAt}]"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Record an in-person delivery {policyId, enterpriseIds (up to 1000), channel visit|briefing, deliveredOn, meetingId} by cadres, dispatchers and admins; a channel already recorded for an enterprise is not recorded twice", "responses": {"201": {"description": "recorded: how many were new"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/benefits": {
              "get": {"summary": "The 兑现 ledger of the reader's subtree or orgUnit (an enterprise: its own): from/to (days granted), policy, kind, enterprise. Totals by kind and by policy, exact to the 分 (amount in 万元 as text, amountFen as an integer), with the report's sentence; the latest 500 entries", "responses": {"200": {"description": "totals, byPolicy, items"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Record a benefit {enterpriseId, policyId?, kind (funds 资金兑现, incomeTaxRelief 减免所得税, vatRelief 减免增值税, vatRefund 留抵退税, loan 贷款, feeRelief 减免费用), amount (万元, up to six decimals), grantedOn, note} for an enterprise of the caller's scope (dispatchers and admins)", "responses": {"201": {"description": "id"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/benefits/export": {
              "get": {"summary": "Every 兑现 of the ledger's filters (from, to, policy, kind, enterprise, orgUnit) as one file, oldest first: .xlsx with a 合计 row, or .csv (UTF-8 with a BOM)", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/visits/export": {
              "get": {"summary": "走访台账: every visit of the reader's units in the period (from, to; enterprise), oldest first, with its cadres, purposes, the problems and suggestions found and the notes: .xlsx or .csv (UTF-8 with a BOM)", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "enterprise", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/meetings/export": {
              "get": {"summary": "活动台账: every meeting of the reader's units (kind, from, to, enterprise), oldest first, with its enterprises, findings, financing intended and lent and deals: .xlsx with a 合计 row, or .csv", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}, {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["symposium", "policyBriefing", "assignment", "lookBack", "financing", "supplyDemand", "morningTea"]}}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/financing-demands/export": {
              "get": {"summary": "融资诉求 of the reader's reach (status: open, matching, lent, failed), oldest first, with each step's day: .xlsx with a 合计 row of the amounts asked and lent, or .csv", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}, {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "matching", "lent", "failed"]}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/coverage/export": {
              "get": {"summary": "走访覆盖 one in-scope enterprise per row, by name (campaign, orgUnit, from, to as for /coverage): its visits in the period, the last, the cadres and whether it was visited as required: .xlsx or .csv", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}, {"name": "campaign", "in": "query", "schema": {"type": "string", "format": "uuid"}}, {"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/problems/export": {
              "get": {"summary": "问题台账 of the ledger's filters (as for /problems; staff only) one problem per row by number, with its enterprise, category, source, state, lead department, days, result, rating and marks: .xlsx or .csv", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/stats/export": {
              "get": {"summary": "统计分析 as a file: one row per group (groupBy department by default, category or orgUnit) with the page's figures and a 合计 row for the scope (filters as for /stats): .xlsx or .csv", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}, {"name": "groupBy", "in": "query", "schema": {"type": "string", "enum": ["department", "category", "orgUnit"]}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/projects/export": {
              "get": {"summary": "Every 项目申报 of the list's filters (stage, fund, enterprise, from, to, orgUnit) as one file, oldest application first, with each step's day: .xlsx with a 合计 row, or .csv (UTF-8 with a BOM)", "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"], "default": "xlsx"}}],
                "responses": {"200": {"description": "The file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/policies/compilation.docx": {
              "get": {"summary": "政策汇编: the policies checked (ids[]=…, in that order) or, with none, the list as filtered (column, theme, q, automatic=true), bound into one .docx with a contents list and, for each, its facts, 要点, who qualifies in words, how it pays and its source text; at most 200", "responses": {"200": {"description": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/projects": {
              "get": {"summary": "项目申报 of the reader's subtree or orgUnit (an enterprise: its own): stage (applied, reviewing, listed, disbursed, rejected), fund, enterprise, from/to (days applied). Totals by stage exact to the 分 with the report's sentence; the latest 500", "responses": {"200": {"description": "totals {count, amountAsked, amountAskedFen, amountGranted, amountGrantedFen, byStage, sentence}, items"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Record an application {enterpriseId, policyId?, name, fund (ultraLongBonds 超长期特别国债, centralBudget 中央预算内投资, specialBonds 地方政府专项债, equipmentRelending 设备更新再贷款贴息, provincialFunds 省级专项资金, other), amountAsked (万元), appliedOn, note} for an enterprise of the caller's scope (dispatchers and admins)", "responses": {"201": {"description": "id"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/projects/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One application with its steps and the stages it may move to", "responses": {"200": {"description": "Project"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/projects/{id}/steps": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "Move the application one step {stage, on, amountGranted (万元, for disbursed), reason (required for rejected)}: applied → reviewing → listed → disbursed, or rejected before disbursed; the day may not precede the last step. disbursed also records the amount in the 兑现 ledger as 资金兑现", "responses": {"200": {"description": "Project"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/financing-demands": {
              "get": {"summary": "融资诉求 of the reader's subtree (an enterprise: its own), newest first, at most 500; status (open 待对接, matching 对接中, lent 已放款, failed 未达成). Totals by status exact to the 分 with the report's sentence", "responses": {"200": {"description": "totals {count, amount, amountLent, byStatus, sentence}, items"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Record a demand {enterpriseId, amount (万元), purpose, raisedOn, note} for an enterprise of the caller's scope (cadres, dispatchers, admins). A 政银企对接会 that records a financing for the enterprise moves its oldest open demand to matching (lent, with an on-site loan)", "responses": {"201": {"description": "id"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
            "/financing-demands/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One demand with its bank, loan, meeting and the statuses it may move to", "responses": {"200": {"description": "FinancingDemand"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/financing-demands/{id}/steps": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "Move the demand {status, on, bank (matching, lent), amountLent (万元, lent), reason (failed)}: open → matching → lent, lent straight from open, or failed before a loan; never before the last step", "responses": {"200": {"description": "FinancingDemand"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/plans": {
              "get": {"summary": "攻坚方案 of the reader's unit and the units below it (every government role; enterprises and monitors 403), newest first, with their counts of workstreams, targets and tasks", "responses": {"200": {"description": "[Plan]"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Save a reviewed plan for the caller's unit (dispatchers, admins): {draft (as /plans/parse returns it, corrected), unitMapping {unit name: departmentId of the caller's unit}}. Units without a mapping match a department of the same name (or the same name without its parenthesis) or are created. Every task without tasks under it needs a lead unit; errors name the field, e.g. workstreams[0].tasks[1].leadUnits, and nothing is saved", "responses": {"201": {"description": "id"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/parse": {
              "post": {"summary": "Plain text of a plan {text} → a preview: draft {title, documentNumber, issuedOn, workstreams [{name, taskForce {name, convener, deputyUnits, memberUnits, officeUnit}, targets [{indicator, comparison (atLeast, atMost, above, below, about), value, unit, source}], tasks [{number {style 1 一、 2 （一） 3 1. 4 （1）, ordinal}, title, text, leadUnits, coUnits, leadInferred, groups, dueOn}]}]}, units [{name, departmentId, departmentName, match (exact, similar, new)}] and the counts. Nothing is saved", "responses": {"200": {"description": "Preview"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The plan with its workstreams (专班: convener, office, deputy and member units), targets (requirement, latest actual, status 已达成/未达成/待报送) and tasks in order (number, level, parentId, lead and co-units, dueOn, percent, standing notStarted/inProgress/done/behind, 挂牌督办, milestones)", "responses": {"200": {"description": "PlanDetail"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/{id}/tasks": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The plan's tasks, optionally those a department leads or supports (department) or of one workstream (workstream)", "parameters": [{"name": "department", "in": "query", "schema": {"type": "string", "format": "uuid"}}, {"name": "workstream", "in": "query", "schema": {"type": "string", "format": "uuid"}}], "responses": {"200": {"description": "[Task]"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/{id}/lists.xlsx": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The plan's 三张清单 as one .xlsx: 目标清单 (targets with their latest actual and status), 任务清单 (tasks in their numbering with lead and co-units, due date, progress, standing, 督办) and 责任清单 (each unit's tasks, led then supported)", "responses": {"200": {"description": "xlsx"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/{id}/bulletin": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The plan's 月通报 (kind=month) or 季讲评 (kind=quarter): summary, task counts by standing at the period's end, targets against the actuals entered up to then, tasks behind schedule, 挂牌督办, each unit's 旬调度 owed and reported, difficulties raised", "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["month", "quarter"]}}, {"name": "date", "in": "query", "description": "a day of the period; default: the last period that has ended", "schema": {"type": "string", "format": "date"}}], "responses": {"200": {"description": "PlanBulletin"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/{id}/bulletin.docx": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The same bulletin as an official document (.docx); masthead=true adds the 红头", "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["month", "quarter"]}}, {"name": "date", "in": "query", "description": "a day of the period; default: the last period that has ended", "schema": {"type": "string", "format": "date"}}, {"name": "masthead", "in": "query", "schema": {"type": "boolean"}}], "responses": {"200": {"description": "docx"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/plans/{id}/progress": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "旬调度 of one 旬 (period 2025-05-2 = 2025年5月中旬; default this 旬): for every task that owes a report, each lead unit's report or none; owed, reported and the units that have not reported with how many", "parameters": [{"name": "period", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {"description": "TenDaySummary"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/tasks/{id}/progress": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "A lead unit's 旬调度 report {progress, percent 0–100 (not below the unit's last), difficulties, period (this 旬, or the one before until its report is due), milestoneId (reached), departmentId (the office reporting for a lead unit)}. Handlers of a lead unit, or the plan's own dispatchers and admins; a second report in the same 旬 replaces the first", "responses": {"201": {"description": "Reported"}, "409": {"$ref": "#/components/responses/Error"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/tasks/{id}/supervision": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "挂牌督办 {note}: the plan's own dispatchers and admins", "responses": {"204": {"description": "Supervised"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
              "delete": {"summary": "Lift the 挂牌督办 mark", "responses": {"204": {"description": "Lifted"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/tasks/{id}/milestones": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "Add a milestone {title, dueOn} to a task (the plan's office); a lead unit marks it reached with its report", "responses": {"201": {"description": "id"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/targets/{id}/actuals": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "post": {"summary": "The actual of a month {month 2025-05, value, note} for a target (the plan's office); replaces that month's earlier value", "responses": {"204": {"description": "Recorded"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/problems/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "One problem with its timeline (its events), the actions the caller may take now, and the linked problem when escalated", "responses": {"200": {"description": "Problem"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/org-units/{id}/time-limits": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {"summary": "The unit's time limits in working days, for an admin who manages it: own (what the unit sets; null where it follows the units above) and inForce (after the units above and the shipped defaults: accept 1, sign 1, resolve 5 for hardship and governmentService and 10 for the rest, revisit 3, added department 5)", "responses": {"200": {"description": "own, inForce: {acceptDays, signDays, revisitDays, addedDepartmentDays, resolveDays: {categoryCode: days}}"}, "404": {"$ref": "#/components/responses/Error"}}},
              "put": {"summary": "Replace the unit's own limits, each 1–60 working days; a limit left out or null follows the units above. resolveDays takes the ten shipped category codes; a sub-category's limit is set on it", "responses": {"200": {"description": "own, inForce"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/problem-categories": {
              "get": {"summary": "The categories problems of a unit may be filed under: the shipped ten and the sub-categories of the unit and the units above it, each with the working days to resolve in force there",
                "parameters": [{"name": "orgUnitId", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "default: the caller's unit"}],
                "responses": {"200": {"description": "[{code, name, displayName, parentCode, orgUnitId, resolveDays}]"}, "404": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Add a sub-category (admin of orgUnitId): orgUnitId, parentCode (one of the ten), name (unique under the parent for the unit's lineage and subtree), resolveDays (default: the parent's limit in the unit)", "responses": {"201": {"description": "The sub-category"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/problem-categories/{code}": {
              "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}}],
              "patch": {"summary": "Rename a sub-category or change its resolveDays (admin of the unit that added it)", "responses": {"200": {"description": "The sub-category"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}},
              "delete": {"summary": "Delete a sub-category that no problem is filed under; the shipped ten and sub-categories in use are refused (409)", "responses": {"204": {"description": "Deleted"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/stats": {
              "get": {"summary": "The metrics of the closed loop (响应率, 办结率, 按期办结率 = resolved on time / (resolved + open and overdue), 满意率, 销号率, 重办率, 超期数, average working days to resolve, suggestions adopted) over the problems that came in from `from` to `to`, as they stand today, within the caller's reach; each rate is {count, of, value}. With groupBy, the same per group; per department or unit also a ranking that leaves out samples below minSample",
                "parameters": [{"name": "orgUnit", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "department", "in": "query", "description": "lead department", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "category", "in": "query", "schema": {"type": "string"}},
                  {"name": "campaign", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "groupBy", "in": "query", "schema": {"type": "string", "enum": ["department", "category", "orgUnit"]}},
                  {"name": "rankBy", "in": "query", "schema": {"type": "string", "enum": ["onTimeRate", "resolutionRate", "satisfactionRate", "responseRate"]}},
                  {"name": "minSample", "in": "query", "schema": {"type": "integer", "default": 5}}],
                "responses": {"200": {"description": "asOf, from, to, tally, metrics, groupBy, groups, ranking"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/notifications": {
              "get": {"summary": "The caller's own notices (催办, 建议督办), newest first, with the unread count", "responses": {"200": {"description": "unread, items"}}}},
            "/notifications/read": {
              "post": {"summary": "Mark all the caller's notices read", "responses": {"200": {"description": "unread (0), items"}}}},
            "/problems/{id}/actions/{action}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                {"name": "action", "in": "path", "required": true, "schema": {"type": "string", "enum": ["accept", "reject", "assign", "sign", "progress", "giveBack", "ruleOnReturn", "resolve", "revisit", "close", "escalate", "merge", "keepWorking", "pause", "resume", "requestExtension", "decideExtension", "addDepartment", "flagTypicalCase", "flagSupervised", "flagLeaderCase", "recordRootCause"]}}],
              "post": {"summary": "Take one step of the loop. Body fields by action: accept {category}; reject, giveBack, escalate, pause {reason}; assign {leadDepartmentId, coDepartmentIds, deadline}; progress {text}; ruleOnReturn {upheld, note}; resolve {result, resultKind}; revisit {satisfaction, comment}; close {overrideReason}; merge {targetId}; keepWorking {plan, responsibleUnit, until}; requestExtension {workingDays, reason}; decideExtension {approve}; addDepartment {departmentId}; flag* {on}; recordRootCause {rootCause}",
                "responses": {"200": {"description": "The problem after the step"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}}
          }
        }
        """#
}
