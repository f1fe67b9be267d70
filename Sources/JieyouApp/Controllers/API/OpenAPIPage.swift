import Foundation

/// 接口文档: the OpenAPI document as a page a person reads — every operation by area, with its
/// parameters, its request body's fields (type, required, limits, allowed values), its answers, and
/// the shared schemas below. Rendered on the server from the same JSON that is served and fuzzed, so
/// the page cannot say something the contract does not; no script, no viewer to install.
enum OpenAPIPage {
    static let html: HTML = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        else { return "<p>接口文档无法读取。</p>" }
        return render(document)
    }()

    private typealias Object = [String: Any]

    /// The areas of the table of contents, by a path's first segment.
    private static let areas: [(title: String, segments: [String])] = [
        ("登录与个人", ["auth", "me", "home", "notifications"]),
        ("组织、部门与用户", ["org-units", "departments", "users"]),
        ("企业与走访", ["enterprises", "teams", "visits", "meetings", "coverage", "campaigns", "financing-demands"]),
        ("问题、统计与通报", ["problems", "problem-categories", "common-problems", "stats", "reports", "dashboard"]),
        ("政策、兑现与项目", ["policies", "policy-deliveries", "benefits", "projects"]),
        ("攻坚方案", ["plans", "tasks", "targets"]),
        ("附件与文档", ["attachments", "openapi.json"]),
    ]

    private static func render(_ document: Object) -> HTML {
        let info = document["info"] as? Object ?? [:]
        let paths = document["paths"] as? Object ?? [:]
        let schemas = (document["components"] as? Object)?["schemas"] as? Object ?? [:]
        let shared = (document["components"] as? Object)?["responses"] as? Object ?? [:]
        var sections: [HTML] = []
        var contents: [HTML] = []
        for (index, area) in areas.enumerated() {
            let inArea = paths.keys.filter { area.segments.contains(firstSegment($0)) }.sorted()
            guard !inArea.isEmpty else { continue }
            let operations = inArea.flatMap { path in
                OpenAPIDocument.methods.compactMap { method -> HTML? in
                    guard let item = paths[path] as? Object, let operation = item[method] as? Object else { return nil }
                    return self.operation(
                        method, path, operation, parameters: item["parameters"] as? [Object] ?? [], responses: shared)
                }
            }
            contents.append("<li><a href=\"#area-\(index)\">\(area.title)</a>（\(operations.count)）</li>")
            sections.append("<section id=\"area-\(index)\"><h2>\(area.title)</h2>\(operations)</section>")
        }
        let schemaSections = schemas.keys.sorted().map { name -> HTML in
            "<section class=\"api-schema\" id=\"schema-\(name)\"><h3>\(name)</h3>\(schema(schemas[name] as? Object ?? [:]))</section>"
        }
        return """
            <h1>接口文档</h1>
            <p class="lead">\(info["title"] as? String ?? "") \(info["version"] as? String ?? "")</p>
            <p>\(info["description"] as? String ?? "")</p>
            <p>机器可读的 OpenAPI 3.0 文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。除登录外，每个接口都需要 <code>Authorization: Bearer</code> 令牌，缺少或失效时回答 401。</p>
            <nav aria-label="接口分类"><ul class="columns">\(contents)<li><a href="#schemas">数据结构</a></li></ul></nav>
            \(sections)
            <section id="schemas"><h2>数据结构</h2>\(schemaSections)</section>
            """
    }

    private static func firstSegment(_ path: String) -> String {
        String(path.split(separator: "/").first ?? "")
    }

    /// One operation; `parameters` are its path item's, `responses` the shared ones its answers may name.
    private static func operation(
        _ method: String, _ path: String, _ operation: Object, parameters shared: [Object], responses named: Object
    ) -> HTML {
        let parameters = shared + (operation["parameters"] as? [Object] ?? [])
        let parameterRows = parameters.map { p -> HTML in
            let location =
                switch p["in"] as? String {
                case "path": "路径"
                case "query": "查询"
                case "header": "请求头"
                default: p["in"] as? String ?? ""
                }
            return """
                <tr><td><code>\(p["name"] as? String ?? "")</code>\((p["required"] as? Bool ?? false) ? HTML("<span class=\"req\">*</span>") : .empty)</td>\
                <td>\(location)</td><td>\(summary(p["schema"] as? Object ?? [:]))</td><td>\(p["description"] as? String ?? "")</td></tr>
                """
        }
        var body: HTML = .empty
        if let request = operation["requestBody"] as? Object, let content = request["content"] as? Object {
            body = HTML.join(
                content.keys.sorted().map { type -> HTML in
                    let media = content[type] as? Object ?? [:]
                    return "<h4>请求内容 <code>\(type)</code></h4>\(schema(media["schema"] as? Object ?? [:]))"
                })
        }
        let responses = operation["responses"] as? Object ?? [:]
        let responseRows = responses.keys.sorted().map { status -> HTML in
            var response = responses[status] as? Object ?? [:]
            if let ref = response["$ref"] as? String {
                response = named[ref.components(separatedBy: "/").last ?? ref] as? Object ?? [:]
            }
            let description = response["description"] as? String ?? ""
            let schemas = (response["content"] as? Object ?? [:]).values.compactMap {
                ($0 as? Object)?["schema"] as? Object
            }
            return """
                <tr><td>\(status)</td><td>\(description)</td><td>\(schemas.map { summary($0) })</td></tr>
                """
        }
        let anchor = "\(method)-\(path)".map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return """
            <article class="api-operation" id="\(anchor)">
            <h3><span class="api-method">\(method.uppercased())</span> <code>/api/v1\(path)</code></h3>
            <p>\(operation["summary"] as? String ?? "")</p>
            \(parameters.isEmpty ? .empty : HTML("<div class=\"table-wrap\"><table><thead><tr><th>参数</th><th>位置</th><th>类型与取值</th><th>说明</th></tr></thead><tbody>\(parameterRows)</tbody></table></div>"))
            \(body)
            <div class="table-wrap"><table><thead><tr><th>状态</th><th>含义</th><th>内容</th></tr></thead><tbody>\(responseRows)</tbody></table></div>
            </article>
            """
    }

    /// An object's fields as a table; anything else as its one-line summary.
    private static func schema(_ schema: Object) -> HTML {
        guard let properties = schema["properties"] as? Object, !properties.isEmpty else {
            return "<p>\(summary(schema))</p>"
        }
        let required = Set(schema["required"] as? [String] ?? [])
        let rows = properties.keys.sorted().map { name -> HTML in
            let property = properties[name] as? Object ?? [:]
            return """
                <tr><td><code>\(name)</code>\(required.contains(name) ? HTML("<span class=\"req\">*</span>") : .empty)</td>\
                <td>\(summary(property))</td><td>\(property["description"] as? String ?? "")</td></tr>
                """
        }
        return """
            \((schema["description"] as? String).map { HTML("<p>\($0)</p>") })
            <div class="table-wrap"><table><thead><tr><th>字段</th><th>类型与取值</th><th>说明</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// `string (uuid)`, `integer 1–500`, `one of: a, b`, a link to a shared schema, `array of …`.
    private static func summary(_ schema: Object) -> HTML {
        if let ref = schema["$ref"] as? String {
            let name = ref.components(separatedBy: "/").last ?? ref
            return "<a href=\"#schema-\(name)\">\(name)</a>"
        }
        // A day or blank, a decimal as text or number; a shared schema that may be null.
        if let choices = (schema["anyOf"] ?? schema["allOf"]) as? [Object] {
            let either = choices.map { summary($0).raw }.joined(separator: schema["anyOf"] != nil ? " 或 " : "，")
            return HTML(raw: either + (schema["nullable"] as? Bool == true ? "；可为 null" : ""))
        }
        // The blank alternative of an optional day: an empty text, said as such.
        if schema["type"] as? String == "string", schema["maxLength"] as? Int == 0 {
            return "空字符串"
        }
        if schema["type"] as? String == "array" {
            let items = summary(schema["items"] as? Object ?? [:])
            var limits: [String] = []
            if let max = schema["maxItems"] as? Int { limits.append("至多 \(max) 项") }
            return "array of \(items)\(limits.isEmpty ? "" : "（\(limits.joined(separator: "，"))）")"
        }
        var parts: [String] = [schema["type"] as? String ?? "any"]
        if let format = schema["format"] as? String { parts[0] += " (\(format))" }
        if let values = schema["enum"] as? [Any] {
            // `null` among the values is said once, by 可为 null below.
            parts.append("取值：" + values.filter { !($0 is NSNull) }.map { "\($0)" }.joined(separator: "、"))
        }
        let minimum = schema["minimum"].map { "\($0)" }
        let maximum = schema["maximum"].map { "\($0)" }
        if minimum != nil || maximum != nil { parts.append("范围 \(minimum ?? "…")–\(maximum ?? "…")") }
        if let length = schema["minLength"] as? Int { parts.append("至少 \(length) 字") }
        if let length = schema["maxLength"] as? Int { parts.append("至多 \(length) 字") }
        if let pattern = schema["pattern"] as? String {
            switch pattern {
            case OpenAPIDocument.noControlCharacters: parts.append("不含控制字符")
            case OpenAPIDocument.notBlank: parts.append("不能只含空白，不含控制字符")
            default: parts.append("格式 \(pattern)")
            }
        }
        if let value = schema["default"] { parts.append("默认 \(value)") }
        if schema["nullable"] as? Bool == true { parts.append("可为 null") }
        return "\(parts.joined(separator: "；"))"
    }
}
