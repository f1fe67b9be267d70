import Foundation

/// The OpenAPI 3.0 description of `/api/v1`, kept as JSON files beside the controllers they describe
/// (`OpenAPI/openapi-base.json` with the components, one `openapi-paths-….json` per area) and compiled
/// into the binary. What every operation of a shape answers and takes is added here once rather than
/// written 120 times (`complete`): the token and its 401, 403, 404, 400/413/415, required bodies,
/// nullable optional properties, blank query parameters, text without control characters. Tests check
/// that the document and the route table list the same operations; scripts/fuzz-api.sh fuzzes the
/// server against it in CI and validates real answers against its response schemas.
enum OpenAPIDocument {
    /// The areas' path files, in the order they are merged.
    private static let pathFiles: [[UInt8]] = [
        PackageResources.openapi_paths_session_json, PackageResources.openapi_paths_organisation_json,
        PackageResources.openapi_paths_registry_json, PackageResources.openapi_paths_problems_json,
        PackageResources.openapi_paths_policies_json, PackageResources.openapi_paths_plans_json,
        PackageResources.openapi_paths_attachments_json, PackageResources.openapi_paths_credit_json,
        PackageResources.openapi_paths_common_json,
    ]

    /// Operations anyone may call: signing in, and this document.
    static let open: Set<String> = ["POST /auth/login", "GET /openapi.json"]

    static let methods = ["get", "put", "post", "delete", "patch"]

    /// The merged and completed document as served.
    static let json: String = {
        do {
            let data = try JSONSerialization.data(withJSONObject: try build(), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            // The files are compiled in and parsed by the tests; a broken one cannot ship.
            preconditionFailure("the OpenAPI files do not parse: \(error)")
        }
    }()

    static func build() throws -> [String: Any] {
        guard
            var document = try JSONSerialization.jsonObject(with: Data(PackageResources.openapi_base_json))
                as? [String: Any]
        else { throw DocumentError.notAnObject("openapi-base.json") }
        var paths: [String: Any] = [:]
        for file in pathFiles {
            guard let area = try JSONSerialization.jsonObject(with: Data(file)) as? [String: Any] else {
                throw DocumentError.notAnObject("a paths file")
            }
            for (path, item) in area {
                if paths[path] != nil { throw DocumentError.duplicatePath(path) }
                paths[path] = item
            }
        }
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        // The shared schemas a request body uses: what a client sends must hold no control characters;
        // an answer may quote what was sent (an error naming an unknown key) and is left as it is.
        var requestSchemas: Set<String> = []
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { throw DocumentError.notAnObject(path) }
            let pathParameters = path.contains("{")
            for method in methods {
                guard let operation = operations[method] as? [String: Any] else { continue }
                let (completed, named) = complete(
                    operation, "\(method.uppercased()) \(path)", pathParameters: pathParameters, schemas: schemas)
                operations[method] = completed
                requestSchemas.formUnion(named)
            }
            paths[path] = operations
        }
        document["paths"] = paths
        if var components = document["components"] as? [String: Any],
            var schemas = components["schemas"] as? [String: Any]
        {
            for name in requestSchemas {
                guard let schema = schemas[name] else { continue }
                schemas[name] = textWithoutControls(name.hasSuffix("Write") ? optionalIsNullable(schema) : schema)
            }
            components["schemas"] = schemas
            document["components"] = components
        }
        return document
    }

    /// One operation completed by its shape, and the shared schemas its request body names.
    private static func complete(
        _ operation: [String: Any], _ key: String, pathParameters: Bool, schemas: [String: Any]
    ) -> (operation: [String: Any], requestSchemas: Set<String>) {
        var operation = operation
        var named: Set<String> = []
        // Every query parameter reads blank as absent (`Request.queryText`), as a form's empty field; a
        // required one is then missing.
        if var parameters = operation["parameters"] as? [[String: Any]] {
            for index in parameters.indices
            where parameters[index]["in"] as? String == "query" && parameters[index]["required"] as? Bool != true {
                parameters[index]["allowEmptyValue"] = true
            }
            operation["parameters"] = textWithoutControls(parameters)
        }
        operation["responses"] = completed(operation, key, pathParameters: pathParameters, schemas: schemas)
        if var body = operation["requestBody"] as? [String: Any], var content = body["content"] as? [String: Any] {
            // Every route that takes a body needs one.
            body["required"] = true
            for (type, media) in content {
                guard var media = media as? [String: Any], let schema = media["schema"] else { continue }
                // A form's field is text or absent, never null; a JSON body's optional property may be null.
                let json = type == "application/json"
                media["schema"] = textWithoutControls(json ? optionalIsNullable(schema) : schema)
                named.formUnion(referenced(by: schema, in: schemas))
                content[type] = media
            }
            body["content"] = content
            operation["requestBody"] = body
        }
        if open.contains(key) { operation["security"] = [Any]() }
        return (operation, named)
    }

    /// The operation's answers with those that every operation of its shape can give, which the files
    /// need not repeat: 401 without a valid token, 403 while the account must change its one-time
    /// password (`passwordChangeRequired`, before any role check), 404 for a path's record that is not
    /// there or not the caller's, 400 for a query parameter or a body that does not read, 413 and 415
    /// for a body too large or of a type the route does not take.
    private static func completed(
        _ operation: [String: Any], _ key: String, pathParameters: Bool, schemas: [String: Any] = [:]
    ) -> [String: Any] {
        var responses = operation["responses"] as? [String: Any] ?? [:]
        func add(_ status: String, _ name: String) {
            if responses[status] == nil { responses[status] = ["$ref": "#/components/responses/\(name)"] }
        }
        if !open.contains(key) {
            add("401", "Unauthenticated")
            if !passwordChangeExempt.contains(key) { add("403", "Forbidden") }
        }
        if pathParameters { add("404", "NotFound") }
        let parameters = operation["parameters"] as? [[String: Any]] ?? []
        let query = parameters.filter { $0["in"] as? String == "query" }
        if !query.isEmpty { add("400", "Error") }
        // A query parameter naming a record (an org unit, an enterprise …) that is not there or not the
        // caller's is a 404, as a path's is.
        if query.contains(where: { ($0["schema"] as? [String: Any])?["format"] as? String == "uuid" }) {
            add("404", "NotFound")
        }
        if let body = operation["requestBody"] {
            add("400", "Error")
            add("413", "TooLarge")
            add("415", "UnsupportedMediaType")
            // A body naming a record (`enterpriseId`, `policyId` …) that is not there or not the caller's.
            if namesRecords(body, schemas: schemas, depth: 0) { add("404", "NotFound") }
        }
        return responses
    }

    /// Text refuses control characters but tab and line breaks everywhere (`TextInputGuard`), so every
    /// free-text string schema says so with this pattern; one with values, a format or a pattern of
    /// its own is left as it is.
    static let noControlCharacters = #"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"#

    /// A required text is trimmed before it is checked (`Validator.requiredText`), so one of spaces is
    /// as empty as `""`: a string schema with `minLength` of 1 or more gets this pattern instead, which
    /// asks for one character that is neither white space nor a control character.
    static let notBlank =
        #"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F]"#
        + #"[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"#

    private static func textWithoutControls(_ value: Any) -> Any {
        switch value {
        case var object as [String: Any]:
            for (key, child) in object { object[key] = textWithoutControls(child) }
            if object["type"] as? String == "string", object["enum"] == nil, object["format"] == nil,
                object["pattern"] == nil
            {
                object["pattern"] = (object["minLength"] as? Int ?? 0) > 0 ? notBlank : noControlCharacters
            }
            return object
        case let array as [Any]:
            return array.map(textWithoutControls)
        default:
            return value
        }
    }

    /// A body's property that is not required may be sent as `null`, which reads as absent (the bodies
    /// decode optionals); nested objects alike. A `$ref` is left to the schema it names. A value list
    /// then holds `null` too (OpenAPI 3.0.3 reads `nullable` as adding nothing to an `enum`), and an
    /// optional day may also be sent blank, as a form sends it, which reads as absent (`Validator.pastDay`
    /// and its kin); a day that may not be blank says so with a `minLength`.
    private static func optionalIsNullable(_ value: Any) -> Any {
        guard var schema = value as? [String: Any] else { return value }
        if var items = schema["items"] as? [String: Any], items["properties"] != nil {
            items = optionalIsNullable(items) as? [String: Any] ?? items
            schema["items"] = items
        }
        guard var properties = schema["properties"] as? [String: Any] else { return schema }
        let required = Set(schema["required"] as? [String] ?? [])
        for (name, property) in properties {
            guard var property = optionalIsNullable(property) as? [String: Any] else { continue }
            if !required.contains(name) && property["$ref"] == nil {
                property["nullable"] = true
                if let values = property["enum"] as? [Any] { property["enum"] = values + [NSNull()] }
                if property["format"] as? String == "date", property["minLength"] == nil {
                    property = blankOrDay(property)
                }
            }
            properties[name] = property
        }
        schema["properties"] = properties
        return schema
    }

    /// `{"format": "date"}` as a day or the empty text, keeping the description.
    private static func blankOrDay(_ property: [String: Any]) -> [String: Any] {
        var day = property
        day["nullable"] = nil
        day["description"] = nil
        var either: [String: Any] = [
            "anyOf": [day, ["type": "string", "maxLength": 0] as [String: Any]], "nullable": true,
        ]
        either["description"] = property["description"]
        return either
    }

    /// The shared schemas `value` names through `$ref`, and those they name in turn.
    private static func referenced(by value: Any, in schemas: [String: Any], seen: Set<String> = []) -> Set<String> {
        var found = seen
        switch value {
        case let object as [String: Any]:
            if let ref = object["$ref"] as? String, let name = ref.split(separator: "/").last.map(String.init),
                !found.contains(name)
            {
                found.insert(name)
                if let target = schemas[name] { found = referenced(by: target, in: schemas, seen: found) }
            }
            for child in object.values { found = referenced(by: child, in: schemas, seen: found) }
        case let array as [Any]:
            for child in array { found = referenced(by: child, in: schemas, seen: found) }
        default:
            break
        }
        return found
    }

    /// Whether a schema (through its `$ref`s, up to twelve levels down) has a property in `uuid` format.
    private static func namesRecords(_ value: Any, schemas: [String: Any], depth: Int) -> Bool {
        guard depth < 12 else { return false }
        switch value {
        case let object as [String: Any]:
            if object["format"] as? String == "uuid" { return true }
            if let ref = object["$ref"] as? String, let name = ref.split(separator: "/").last,
                let target = schemas[String(name)]
            {
                return namesRecords(target, schemas: schemas, depth: depth + 1)
            }
            return object.values.contains { namesRecords($0, schemas: schemas, depth: depth + 1) }
        case let array as [Any]:
            return array.contains { namesRecords($0, schemas: schemas, depth: depth + 1) }
        default:
            return false
        }
    }

    /// The operations an account that must change its password may still call (`PasswordChangeGate`).
    static let passwordChangeExempt: Set<String> = ["POST /auth/password", "GET /me", "POST /auth/logout"]

    enum DocumentError: Error {
        case notAnObject(String)
        case duplicatePath(String)
    }
}
