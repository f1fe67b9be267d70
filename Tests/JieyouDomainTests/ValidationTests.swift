import JieyouDomain
import Testing

@Suite struct ValidationTests {
    @Test func creditCodeCheckDigit() {
        for code in ["91440300708461136T", "91350100M000100Y43"] {
            #expect(CreditCode.isValid(code), "\(code)")
            #expect(CreditCode.problem(with: code) == nil)
            // Any single changed character fails.
            for index in code.indices {
                for replacement in CreditCode.alphabet where replacement != code[index] {
                    var changed = code
                    changed.replaceSubrange(index...index, with: String(replacement))
                    #expect(!CreditCode.isValid(changed), "\(changed)")
                }
            }
        }
        #expect(CreditCode.problem(with: "9144030070846113") == "统一社会信用代码应为18位（当前16位）")
        #expect(CreditCode.problem(with: "91440300708461136I") == "统一社会信用代码校验位“I”无效")
    }

    @Test func phonesAndUsernames() {
        #expect(ContactRules.isValidPhone("13812345678"))
        #expect(ContactRules.isValidPhone("0730-3721234"))
        #expect(ContactRules.isValidPhone("12366"))
        #expect(ContactRules.isValidPhone("95598"))
        #expect(ContactRules.isValidPhone("4008008000"))
        #expect(!ContactRules.isValidPhone("88888"))
        #expect(!ContactRules.isValidPhone("12812345678"))
        #expect(!ContactRules.isValidPhone("1381234567"))
        #expect(ContactRules.maskedPhone("13812345678") == "138****5678")
        #expect(ContactRules.isValidUsername("lx_admin"))
        #expect(!ContactRules.isValidUsername("张三"))
        #expect(!ContactRules.isValidUsername("ab"))
        #expect(ContactRules.passwordProblem("short1", username: "x") == "密码至少8位")
        #expect(ContactRules.passwordProblem("onlyletters", username: "x") == "密码须同时包含字母和数字")
        #expect(ContactRules.passwordProblem("Jieyou2024", username: "x") == nil)
    }

    @Test func divisionCodes() {
        #expect(DivisionCode.isValid("430682"))
        #expect(!DivisionCode.isValid("43068"))
        #expect(!DivisionCode.isValid("000000"))
        #expect(DivisionCode.isValidLocalCode("LX-GXQ"))
    }

    @Test func validatorCollectsEveryField() {
        var v = Validator()
        _ = v.requiredText("  ", field: "name", label: "名称")
        _ = v.requiredText(String(repeating: "长", count: 61), field: "title", label: "标题", maxLength: 60)
        #expect(v.errors.map(\.field) == ["name", "title"])
        #expect(v.errors[0].message == "名称不能为空")
        #expect(throws: ValidationFailure.self) { try v.throwIfFailed() }
    }

    @Test func controlCharactersAreEveryCcButTabAndLineBreaks() {
        let forbidden = (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) } + Array(0x7F...0x9F)
        for value in 0...0x2FF {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(ControlCharacters.isForbidden(scalar) == forbidden.contains(value), "U+\(value)")
        }
        #expect(ControlCharacters.first(in: "办理\t进展\r\n第二行") == nil)
        #expect(ControlCharacters.first(in: "abc\u{0}def") == "\u{0}")
        #expect(ControlCharacters.message(field: "问题描述", character: "\u{1B}") == "“问题描述”含有不可见的控制字符（U+001B），请删除后重试")
    }
}
