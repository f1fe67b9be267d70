import Vapor

/// The Chinese error page for web requests.
enum ErrorPage {
    static func response(for error: AppError, request: Request) -> Response {
        let title =
            switch error.status.code {
            case 403: "无权访问"
            case 404: "找不到页面"
            case 400..<500: "请求有误"
            default: "系统出错了"
            }
        // A failure of ours shows the request's id, which its log lines carry.
        let reference: HTML =
            error.status.code >= 500 ? "<p class=\"muted\">请求编号 \(request.id)（向管理员反映时请提供）</p>" : .empty
        let content: HTML = """
            <section class="error-page">
            <h1>\(title)</h1>
            <p>\(error.message)</p>
            \(reference)
            <p><a href="\(WebPath.home)">返回首页</a></p>
            </section>
            """
        let layout = Layout(title: title, signedIn: request.signedIn, orgPath: nil, currentPath: request.url.path)
        return layout.render(content).response(status: error.status)
    }
}
