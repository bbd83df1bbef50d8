/// Language codes (scenario-format.md §2.4). The evaluator API takes 45; the
/// test-suite schema v1 takes 43, all but Kazakh and Uzbek.
public enum Languages {
    public static let evaluator: [EnumValue] = [
        EnumValue("af", "Afrikaans"), EnumValue("ar", "Arabic"), EnumValue("bg", "Bulgarian"),
        EnumValue("bn", "Bengali"), EnumValue("cs", "Czech"), EnumValue("da", "Danish"),
        EnumValue("de", "German"), EnumValue("el", "Greek"), EnumValue("en", "English"),
        EnumValue("es", "Spanish"), EnumValue("et", "Estonian"), EnumValue("fi", "Finnish"),
        EnumValue("fr", "French"), EnumValue("gu", "Gujarati"), EnumValue("he", "Hebrew"),
        EnumValue("hi", "Hindi"), EnumValue("hu", "Hungarian"), EnumValue("id", "Indonesian"),
        EnumValue("it", "Italian"), EnumValue("ja", "Japanese"), EnumValue("kk", "Kazakh"),
        EnumValue("kn", "Kannada"), EnumValue("ko", "Korean"), EnumValue("ml", "Malayalam"),
        EnumValue("mr", "Marathi"), EnumValue("ms", "Malay"), EnumValue("multi", "Multilingual"),
        EnumValue("nl", "Dutch"), EnumValue("no", "Norwegian"), EnumValue("pa", "Punjabi"),
        EnumValue("pl", "Polish"), EnumValue("pt", "Portuguese"), EnumValue("ro", "Romanian"),
        EnumValue("ru", "Russian"), EnumValue("sk", "Slovak"), EnumValue("sv", "Swedish"),
        EnumValue("ta", "Tamil"), EnumValue("te", "Telugu"), EnumValue("th", "Thai"),
        EnumValue("tl", "Tagalog"), EnumValue("tr", "Turkish"), EnumValue("uk", "Ukrainian"),
        EnumValue("uz", "Uzbek"), EnumValue("vi", "Vietnamese"), EnumValue("zh", "Chinese (Simplified)"),
    ]

    /// Accepted by the evaluator API, refused by test-suite schema v1.
    public static let evaluatorOnly: Set<String> = ["kk", "uz"]

    public static let suite: [EnumValue] = evaluator.filter { !evaluatorOnly.contains($0.value) }

    public static func name(of code: String) -> String? { evaluator.first { $0.value == code }?.doc }
}
