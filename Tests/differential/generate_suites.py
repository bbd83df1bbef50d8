#!/usr/bin/env python3
"""Writes mutated test-suite spec files for the differential test against the published schema.

    generate_suites.py --seed 52810 --count 2000 OUTDIR

Each file, OUTDIR/case-NNNN.json, starts as a realistic valid suite (rulebook §3: defaults or not,
1-5 cases, instruction and conditional_actions cases, inline personalities by `base` and from
scratch, inline test profiles, metrics as ids and slugs, tags, tools, names outside ASCII) and then
gets 0-3 mutations drawn from a catalogue that touches every keyword of test-suite-v1.schema.json.
The files are always valid JSON: the differential test is about the schema, not the syntax.
Whether a file is valid is decided by the oracle (compare.py), never by this script.

OUTDIR/mutations.tsv lists the mutations of each file (not a .json file, so the checker never walks it).
The output depends only on --seed and --count.
"""

import argparse
import json
import random
from pathlib import Path

SCHEMA_URL = "https://docs.cekura.ai/schemas/test-suite/v1.json"

# The 43 language codes of schema v1 (the evaluator API also has kk and uz; the suite schema does not).
LANGUAGES = [
    "af", "ar", "bg", "bn", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "gu", "he", "hi", "hu",
    "id", "it", "ja", "kn", "ko", "ml", "mr", "ms", "multi", "nl", "no", "pa", "pl", "pt", "ro", "ru", "sk",
    "sv", "ta", "te", "th", "tl", "tr", "uk", "vi", "zh",
]
CASE_TYPES = ["conditional_actions", "instruction", "real_world_fixed", "real_world_smart"]
TOOLS = ["call_hold", "dtmf", "end_call", "end_call_only_on_transfer", "receive_dtmf", "send_sms"]
VOICE_MODELS = {"eleven_flash_v2_5": "11labs", "eleven_multilingual_v2": "11labs",
                "eleven_turbo_v2_5": "11labs", "sonic-3.5": "cartesia"}
BACKGROUND_NOISES = ["off", "office", "https://cdn.example.com/noise/coffee-shop.mp3"]
METRIC_SLUGS = ["expected_outcome", "tool_call_success", "latency", "politeness", "hallucination_check",
                "greeting_by_name", "csat_2", "_", "0"]

# ---------------------------------------------------------------------------------------------
# Realistic content

CALLERS = ["Ana Ruiz", "José Müller", "王芳", "Priya Natarajan", "Chloé Dubois", "Kwame Mensah", "佐藤 花子",
           "Олег Петров", "فاطمة الزهراء"]
GOALS = ["refill a prescription", "move a dental cleaning to next week", "dispute a charge on the last invoice",
         "ask for the opening hours on Sunday", "cancel a subscription without a retention offer",
         "report a lost card 💳 and order a new one", "book a table for four at 7 pm"]
CASE_NAMES = ["Refill for a known patient", "Opening hours through the keypad menu", "Reposición de receta",
              "予約の変更", "Rückruf wegen Termin", "Запрос возврата", "Lost card 💳 replacement",
              "Table for four 🎉", "Annulation sans offre de fidélisation", "退订服务"]
AGENT_STEPS = ["The agent asks for your date of birth", "The agent offers two appointment times",
               "The agent asks you to confirm your address", "The agent reads out the menu options",
               "The agent asks why you are calling", "The agent confirms the change"]
SCRIPT_ACTIONS = ["Give your date of birth: {{test_profile.date_of_birth}}",
                  "Let me check my calendar <silence time=\"1.5s\" /> the second one works.",
                  "Hmm [laughter] sure, it's {{test_profile.address}}.",
                  "<dtmf digits=\"3\" />",
                  "I'd like to {{test_profile.goal}}, s'il vous plaît.",
                  "It ends in {{test_profile.card_last4}} — the \"Gold\" card."]
LAST_ACTIONS = ["Perfect, thank you so much! 谢谢 <endcall />", "Okay, thanks. Bye. <endcall />",
                "<endcall />"]
TAG_WORDS = ["nightly", "smoke", "regression", "billing", "pharmacy", "日本語", "release-2.4", "🎯 focus"]

# Code points for strings at length bounds. The schema counts code points; editors count UTF-16 units
# and the file stores UTF-8 bytes, so mixing 1-, 2-, 3- and 4-byte characters catches unit confusion.
CODE_POINT_POOLS = {
    "ascii": "abcdefghijklmnopqrstuvwxyz ",
    "cjk": "予約変更確認日本語退订服务",
    "emoji": "🎉📞✅💳🎯🚀",
    "cyrillic": "запросвтд",
    "combining": "e\u0301a\u0308",  # decomposed é and ä: two code points each, one "character" on screen
    "mixed": "aé日🎉 ж\u0301",
    # Characters JSON must escape (each is one code point but two or six bytes in the file), and line
    # separators that are plain characters to JSON and to LSP (lines end only at \n, \r\n, \r).
    "escapes": "a\"\\/\n\t\u2028\u2029\u0085",
}


def text_of_length(rng, length, pool_name=None):
    """A string of exactly `length` code points (what JSON Schema's maxLength/minLength count)."""
    pool = CODE_POINT_POOLS[pool_name or rng.choice(sorted(CODE_POINT_POOLS))]
    return "".join(rng.choice(pool) for _ in range(length))


# ---------------------------------------------------------------------------------------------
# Values the standard json module cannot write


class RawNumber:
    """A number written exactly as given (`1.0`, `1e0`, `-0`), to test how numbers are read."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


class EarlierDuplicate:
    """A dict key written as `name`, before the real `name` key: the file then holds the key twice.

    The API (Python's json) keeps the last value, so the schema sees the real key's value."""

    def __init__(self, name):
        self.name = name


def key_text(key):
    return key.name if isinstance(key, EarlierDuplicate) else key


def real_keys(obj):
    return [key for key in obj if isinstance(key, str)]


def brief(value):
    """A value for a mutation label."""
    text = repr(value)
    return text if len(text) <= 24 else text[:21] + "..."


# ---------------------------------------------------------------------------------------------
# Valid building blocks


def build_script(rng):
    """A conditional-actions script valid under rulebook §5, so that script rules add no noise."""
    conditions = [{"id": 0, "condition": "FIRST_MESSAGE", "action": rng.choice(["", "Hi, I need some help."]),
                   "type": "standard", "fixed_message": True}]
    steps = rng.sample(AGENT_STEPS, rng.randint(1, 3))
    for number, step in enumerate(steps, start=1):
        last = number == len(steps)
        conditions.append({"id": number, "condition": step,
                           "action": rng.choice(LAST_ACTIONS) if last else rng.choice(SCRIPT_ACTIONS),
                           "type": "standard", "fixed_message": True})
    return {"role": f"You are {rng.choice(CALLERS)}, a caller who wants to {rng.choice(GOALS)}",
            "conditions": conditions}


def build_metrics(rng, count=None):
    count = rng.randint(1, 3) if count is None else count
    return [rng.choice(METRIC_SLUGS) if rng.random() < 0.6 else rng.randint(1, 500) for _ in range(count)]


def build_tags(rng, count=None):
    count = rng.randint(1, 3) if count is None else count
    return [rng.choice(TAG_WORDS) for _ in range(count)]


def build_voice_id(rng, provider):
    if provider == "cartesia":
        return "%08x-%04x-%04x-%04x-%012x" % tuple(rng.getrandbits(bits) for bits in (32, 16, 16, 16, 48))
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20))


def build_personality(rng, form):
    """An inline personality: form "base" overrides an existing one, form "scratch" defines all of it."""
    model = rng.choice(sorted(VOICE_MODELS))
    provider = VOICE_MODELS[model]
    fields = {
        "prompt": "A patient caller who answers briefly and asks to repeat numbers.",
        "language": rng.choice(LANGUAGES),
        "voice_model": model,
        "voice_id": build_voice_id(rng, provider),
        "background_noise": rng.choice(BACKGROUND_NOISES),
        "provider": provider,
        "speed": rng.choice([0.8, 0.9, 1.0, 1.1, 1.2, 1]),
        "name": rng.choice(["Calm caller", "Anxious caller 😟", "ゆっくり話す人"]),
        "end_call_enabled": rng.choice([True, False]),
    }
    if form == "scratch":
        required = ["prompt", "language", "voice_model", "voice_id", "background_noise"]
        optional = rng.sample(["provider", "speed", "name", "end_call_enabled"], rng.randint(0, 4))
        return {key: fields[key] for key in required + optional}
    chosen = rng.sample(sorted(fields), rng.randint(0, 3))
    return {"base": rng.randint(1, 40), **{key: fields[key] for key in chosen}}


def build_personality_value(rng):
    form = rng.choice(["id", "base", "scratch"])
    return rng.randint(1, 40) if form == "id" else build_personality(rng, form)


def build_test_profile(rng):
    """An inline test profile: one to three of its properties (minProperties is 1)."""
    sections = {
        "agent_variables": {"patient_id": f"P-{rng.randint(1000, 9999)}", "X-Tenant": "eu-1"},
        "caller_variables": {"caller_name": rng.choice(CALLERS), "rx_number": f"RX-{rng.randint(10000, 99999)}",
                             "address": {"city": "Zürich", "zip": "8001"}},
        "name": rng.choice(["Known patient", "Nouveau client", "既存顧客"]),
    }
    chosen = rng.sample(sorted(sections), rng.randint(1, 3))
    return {key: sections[key] for key in sorted(chosen)}


def build_test_profile_value(rng):
    return rng.randint(1, 90) if rng.random() < 0.4 else build_test_profile(rng)


def add_optional_case_fields(rng, case):
    if rng.random() < 0.5:
        case["key"] = f"case_{rng.randint(0, 9999)}"
    if rng.random() < 0.4:
        case["expected_outcome"] = "The agent solves the request and confirms it."
    if rng.random() < 0.2:
        case["first_message"] = rng.choice(["Hello", "Bonjour", "もしもし"])
    if rng.random() < 0.3:
        case["frequency"] = rng.randint(1, 3)
    if rng.random() < 0.3:
        case["max_duration"] = rng.choice([60, 120, 300, 600])
    if rng.random() < 0.5:
        case["metrics"] = build_metrics(rng)
    if rng.random() < 0.5:
        case["personality"] = build_personality_value(rng)
    if rng.random() < 0.4:
        case["tags"] = build_tags(rng)
    if rng.random() < 0.5:
        case["test_profile"] = build_test_profile_value(rng)


def build_instruction_case(rng, optional_fields=True):
    case = {"name": rng.choice(CASE_NAMES)}
    kind = rng.random()
    if kind < 0.25:
        case["type"] = "instruction"
    elif kind < 0.30:
        case["type"] = rng.choice(["real_world_fixed", "real_world_smart"])
    case["instructions"] = (f"You are {rng.choice(CALLERS)}. You call to {rng.choice(GOALS)}. "
                            "Answer only what is asked.")
    if optional_fields:
        add_optional_case_fields(rng, case)
        if rng.random() < 0.4:
            case["tools"] = rng.sample(["end_call", "call_hold", "send_sms", "end_call_only_on_transfer"], rng.randint(1, 2))
    return case


def build_script_case(rng):
    case = {"name": rng.choice(CASE_NAMES), "type": "conditional_actions",
            "language": rng.choice(LANGUAGES), "conditional_actions": build_script(rng)}
    add_optional_case_fields(rng, case)
    if rng.random() < 0.5:
        case["tools"] = rng.sample(["dtmf", "end_call", "call_hold"], rng.randint(1, 2))
    return case


def build_case(rng):
    return build_script_case(rng) if rng.random() < 0.4 else build_instruction_case(rng)


def build_defaults(rng):
    candidates = {
        "language": lambda: rng.choice(LANGUAGES),
        "frequency": lambda: rng.randint(1, 3),
        "max_duration": lambda: rng.choice([120, 300]),
        "concurrency_limit": lambda: rng.randint(1, 10),
        "metrics": lambda: build_metrics(rng),
        "personality": lambda: build_personality_value(rng),
        "tags": lambda: build_tags(rng),
        "test_profile": lambda: build_test_profile_value(rng),
    }
    chosen = rng.sample(sorted(candidates), rng.randint(1, 5))
    return {key: candidates[key]() for key in chosen}


def build_valid_suite(rng):
    suite = {"$schema": SCHEMA_URL, "version": "1"}
    if rng.random() < 0.6:
        suite["suite"] = {"name": rng.choice(["Pharmacy line — nightly", "Billing smoke", "予約ライン"])}
        if rng.random() < 0.5:
            suite["suite"]["description"] = "Refill, opening hours and a Spanish-speaking caller"
    if rng.random() < 0.6:
        suite["defaults"] = build_defaults(rng)
    suite["scenarios"] = [build_case(rng) for _ in range(rng.randint(1, 5))]
    give_scripts_their_test_data(suite)
    return suite


SCRIPT_CALLER_VARIABLES = {"date_of_birth": "1984-02-29", "address": {"city": "Zürich", "zip": "8001"},
                           "goal": "move the appointment", "card_last4": "4242"}


def give_scripts_their_test_data(suite):
    """The inline test profile a script case uses (its own, else the defaults') gets the caller variables its
    SCRIPT_ACTIONS reference, so that every placeholder resolves (rulebook §7.3). Uses no randomness."""
    defaults = suite.get("defaults", {}).get("test_profile")
    for case in suite["scenarios"]:
        if case.get("type") != "conditional_actions":
            continue
        profile = case["test_profile"] if "test_profile" in case else defaults
        if isinstance(profile, dict):
            variables = profile.setdefault("caller_variables", {})
            for key, value in SCRIPT_CALLER_VARIABLES.items():
                variables.setdefault(key, value)


# ---------------------------------------------------------------------------------------------
# Where mutations apply


def schema_line_intact(doc):
    """The checker takes a file as a suite by its `$schema` string, or else by `version` + `scenarios`."""
    return doc.get("$schema") == SCHEMA_URL and not any(
        isinstance(key, EarlierDuplicate) and key.name == "$schema" for key in doc)


def kind_still_detectable(doc):
    return schema_line_intact(doc) or ("version" in doc and "scenarios" in doc)


def case_objects(doc):
    scenarios = doc.get("scenarios")
    return [case for case in scenarios if isinstance(case, dict)] if isinstance(scenarios, list) else []


def pick_case(doc, rng, wanted=lambda case: True):
    candidates = [case for case in case_objects(doc) if wanted(case)]
    return rng.choice(candidates) if candidates else None


def is_script_case(case):
    return case.get("type") == "conditional_actions"


def object_member(doc, key):
    """doc[key] as an object, created when absent; None when a mutation made it something else."""
    if key not in doc:
        doc[key] = {}
    value = doc[key]
    return value if isinstance(value, dict) else None


def pick_defaults_or_case(doc, rng):
    if rng.random() < 0.4:
        return object_member(doc, "defaults")
    return pick_case(doc, rng)


def inline_objects(doc, key):
    """Every inline object under `key` (personality or test_profile) in defaults and in cases."""
    holders = case_objects(doc)
    if isinstance(doc.get("defaults"), dict):
        holders = [doc["defaults"]] + holders
    return [holder[key] for holder in holders if isinstance(holder.get(key), dict)]


def pick_inline_personality(doc, rng, form=None):
    """An existing inline personality of the given form, or a new one put in defaults or a case."""
    def has_form(personality):
        return form is None or ("base" in personality) == (form == "base")

    existing = [p for p in inline_objects(doc, "personality") if has_form(p)]
    if existing and rng.random() < 0.5:
        return rng.choice(existing)
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    holder["personality"] = build_personality(rng, form or rng.choice(["base", "scratch"]))
    return holder["personality"]


def pick_inline_test_profile(doc, rng):
    existing = inline_objects(doc, "test_profile")
    if existing and rng.random() < 0.5:
        return rng.choice(existing)
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    holder["test_profile"] = build_test_profile(rng)
    return holder["test_profile"]


# ---------------------------------------------------------------------------------------------
# Wrong types

# What each property accepts, as JSON types. "integer" is what draft 2020-12 calls integer
# (1.0 included); "enum" and "const" properties hold strings, so any other type is wrong.
ROOT_PROPERTIES = {"$schema": {"string"}, "version": {"string"}, "suite": {"object"},
                   "defaults": {"object"}, "scenarios": {"array"}}
SUITE_PROPERTIES = {"name": {"string"}, "description": {"string"}}
DEFAULTS_PROPERTIES = {"concurrency_limit": {"integer"}, "frequency": {"integer"}, "language": {"string"},
                       "max_duration": {"integer"}, "metrics": {"array"}, "personality": {"integer", "object"},
                       "tags": {"array"}, "test_profile": {"integer", "object"}}
CASE_PROPERTIES = {"conditional_actions": {"object"}, "expected_outcome": {"string"}, "first_message": {"string"},
                   "frequency": {"integer"}, "instructions": {"string"}, "key": {"string"}, "language": {"string"},
                   "max_duration": {"integer"}, "metrics": {"array"}, "name": {"string"},
                   "personality": {"integer", "object"}, "tags": {"array"}, "test_profile": {"integer", "object"},
                   "tools": {"array"}, "type": {"string"}}
PERSONALITY_PROPERTIES = {"background_noise": {"string"}, "base": {"integer"}, "end_call_enabled": {"boolean"},
                          "language": {"string"}, "name": {"string"}, "prompt": {"string"}, "provider": {"string"},
                          "speed": {"integer", "number"}, "voice_id": {"string"}, "voice_model": {"string"}}
TEST_PROFILE_PROPERTIES = {"agent_variables": {"object"}, "caller_variables": {"object"}, "name": {"string"}}

# One value of each JSON type; the integer and numeric string are in range, so only the type is wrong.
VALUES_BY_TYPE = {
    "string": ["7", "true", "null"],
    "integer": [7, 1],
    "number": [2.5, RawNumber("1.5e0")],
    "boolean": [True, False],
    "null": [None],
    "array": [[], ["en"]],
    "object": [{}, {"value": 1}],
}


def wrong_type_value(rng, accepted):
    """A value of a JSON type outside `accepted` (integer values count as numbers too)."""
    if "number" in accepted:
        accepted = accepted | {"integer"}
    wrong_types = [name for name in sorted(VALUES_BY_TYPE) if name not in accepted]
    type_name = rng.choice(wrong_types)
    return type_name, rng.choice(VALUES_BY_TYPE[type_name])


def set_wrong_type(obj, rng, properties, where, allowed=None):
    names = sorted(allowed if allowed is not None else properties)
    if not names:
        return None
    name = rng.choice(names)
    type_name, value = wrong_type_value(rng, properties[name])
    obj[name] = value
    return f"wrong-type {where}.{name}={type_name}"


MUTATIONS = []  # (function, weight): mutations with many properties to reach are drawn more often


def mutation(function=None, weight=1):
    def register(function):
        MUTATIONS.append((function, weight))
        return function
    return register(function) if function else register


@mutation
def wrong_type_root(doc, rng):
    names = [name for name in ROOT_PROPERTIES if name not in ("version", "scenarios") or schema_line_intact(doc)]
    if "$schema" in names and not ("version" in doc and "scenarios" in doc):
        names.remove("$schema")  # keep the file recognisable as a suite
    return set_wrong_type(doc, rng, ROOT_PROPERTIES, "root", names)


@mutation
def wrong_type_suite(doc, rng):
    suite = object_member(doc, "suite")
    return suite is not None and set_wrong_type(suite, rng, SUITE_PROPERTIES, "suite")


@mutation(weight=2)
def wrong_type_defaults(doc, rng):
    defaults = object_member(doc, "defaults")
    return defaults is not None and set_wrong_type(defaults, rng, DEFAULTS_PROPERTIES, "defaults")


@mutation(weight=3)
def wrong_type_case(doc, rng):
    case = pick_case(doc, rng)
    return case is not None and set_wrong_type(case, rng, CASE_PROPERTIES, "case")


@mutation(weight=3)
def wrong_type_personality(doc, rng):
    personality = pick_inline_personality(doc, rng)
    return personality is not None and set_wrong_type(personality, rng, PERSONALITY_PROPERTIES, "personality")


@mutation
def wrong_type_test_profile(doc, rng):
    profile = pick_inline_test_profile(doc, rng)
    return profile is not None and set_wrong_type(profile, rng, TEST_PROFILE_PROPERTIES, "test_profile")


@mutation
def wrong_type_array_item(doc, rng):
    """An item of metrics, tags, tools or scenarios of the wrong type."""
    array_name = rng.choice(["metrics", "tags", "tools", "scenarios"])
    accepted = {"metrics": {"integer", "string"}, "tags": {"string"}, "tools": {"string"},
                "scenarios": {"object"}}[array_name]
    if array_name == "scenarios":
        items = doc.get("scenarios")
    else:
        holder = pick_case(doc, rng) if array_name == "tools" else pick_defaults_or_case(doc, rng)
        if holder is None:
            return None
        if not isinstance(holder.get(array_name), list):
            holder[array_name] = {"metrics": build_metrics, "tags": build_tags,
                                  "tools": lambda r: ["end_call"]}[array_name](rng)
        items = holder[array_name]
    if not isinstance(items, list) or not items:
        return None
    type_name, value = wrong_type_value(rng, accepted)
    items[rng.randrange(len(items))] = value
    return f"wrong-type {array_name}[]={type_name}"


# ---------------------------------------------------------------------------------------------
# Numbers at and around their bounds


# minimum 1, type integer: below, at, above, and spellings a JSON reader may get wrong.
INTEGER_BOUND_VALUES = [0, 1, -1, 2, RawNumber("-0"), RawNumber("0.0"), RawNumber("1.0"), RawNumber("0.5"),
                        RawNumber("1.5"), RawNumber("1e0"), RawNumber("0e0"), RawNumber("1E2"), RawNumber("-1.0"),
                        RawNumber("12345678901234567890123"), RawNumber("-12345678901234567890123")]


@mutation
def count_bound(doc, rng):
    """frequency, max_duration (defaults or case) or concurrency_limit (defaults) around minimum 1."""
    holder_name = rng.choice(["defaults", "case"])
    holder = object_member(doc, "defaults") if holder_name == "defaults" else pick_case(doc, rng)
    if holder is None:
        return None
    names = ["frequency", "max_duration"] + (["concurrency_limit"] if holder_name == "defaults" else [])
    name = rng.choice(names)
    value = rng.choice(INTEGER_BOUND_VALUES)
    holder[name] = value
    return f"bound {holder_name}.{name}={value!r}"


# Integral numbers written as floats or with exponents: integers for draft 2020-12, so all valid.
INTEGRAL_FLOATS = ["1.0", "2.0", "1e0", "3E0", "10.00", "1e2", "1.0e1", "300.0", "6E+1", "1.5e1", "100e-2",
                   "0.1e1", "10e-1", "1e20", "1.5e300",
                   "1.0000000000000001"]  # reads as the double 1.0


@mutation
def integral_float(doc, rng):
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    name = rng.choice(["frequency", "max_duration", "personality", "test_profile"])
    text = rng.choice(INTEGRAL_FLOATS)
    holder[name] = RawNumber(text)
    return f"integral-float .{name}={text}"


REFERENCE_ID_VALUES = [0, 1, -1, 2, RawNumber("1.0"), RawNumber("0.0"), RawNumber("2.5"), RawNumber("-0")]


@mutation
def reference_id_bound(doc, rng):
    """personality / test_profile as an id around minimum 1 (the integer branch of their oneOf)."""
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    name = rng.choice(["personality", "test_profile"])
    value = rng.choice(REFERENCE_ID_VALUES)
    holder[name] = value
    return f"bound .{name}={value!r}"


@mutation
def personality_base_bound(doc, rng):
    personality = pick_inline_personality(doc, rng, form="base")
    if personality is None:
        return None
    value = rng.choice(REFERENCE_ID_VALUES)
    personality["base"] = value  # an existing key keeps its place
    return f"bound personality.base={value!r}"


@mutation
def metric_id_bound(doc, rng):
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    value = rng.choice(REFERENCE_ID_VALUES)
    metrics = holder.get("metrics") if isinstance(holder.get("metrics"), list) else []
    holder["metrics"] = metrics + [value]
    return f"bound metrics[]={value!r}"


# speed: number, 0.8..1.2 inclusive.
SPEED_VALUES = [0.79, 0.8, 1.2, 1.21, 1, 0, 2, 0.7999999, 1.2000001, RawNumber("8e-1"), RawNumber("1.20"),
                RawNumber("12e-1"), RawNumber("0.80"), RawNumber("-1.0"), RawNumber("1E0"), RawNumber("-0.0"),
                RawNumber("120e-2"), RawNumber("0.08e1")]


@mutation
def speed_bound(doc, rng):
    personality = pick_inline_personality(doc, rng)
    if personality is None:
        return None
    value = rng.choice(SPEED_VALUES)
    personality["speed"] = value
    return f"bound personality.speed={value!r}"


# ---------------------------------------------------------------------------------------------
# Enum and const near misses (some are valid: the oracle decides)

LANGUAGE_VALUES = ["EN", "kk", "uz", "en-US", "english", "", "En", "zh-CN", "pt-BR", " en", "multi", "tl", "no"]
TYPE_VALUES = ["instruction_", "Instruction", "conditional-actions", "conditionalActions", "real_world",
               "instructions", "", "real_world_smart", "real_world_fixed", "instruction"]
TOOL_VALUES = ["TOOL_DTMF", "DTMF", "end-call", "transfer_call", "TOOL_END_CALL", "hold", "sms", "receive_dtmf",
               "end_call_only_on_transfer"]
VOICE_MODEL_VALUES = ["eleven_flash_v2", "sonic-3", "Sonic-3.5", "eleven_turbo_v2.5", "sonic_3.5", "sonic-3.5",
                      "eleven_multilingual_v2"]
PROVIDER_VALUES = ["elevenlabs", "11Labs", "Cartesia", "eleven_labs", "cartesia", "11labs"]
VERSION_VALUES = [1, "2", "1.0", " 1", RawNumber("1.0"), "v1", None, "01", "1"]


@mutation(weight=2)
def language_value(doc, rng):
    site = rng.choice(["defaults", "case", "personality"])
    if site == "personality":
        holder = pick_inline_personality(doc, rng)
    elif site == "defaults":
        holder = object_member(doc, "defaults")
    else:
        holder = pick_case(doc, rng)
    if holder is None:
        return None
    value = rng.choice(LANGUAGE_VALUES)
    holder["language"] = value
    return f"enum {site}.language={value!r}"


@mutation
def case_type_value(doc, rng):
    case = pick_case(doc, rng)
    if case is None:
        return None
    value = rng.choice(TYPE_VALUES)
    case["type"] = value
    return f"enum case.type={value!r}"


@mutation
def tool_value(doc, rng):
    case = pick_case(doc, rng)
    if case is None:
        return None
    value = rng.choice(TOOL_VALUES)
    tools = case.get("tools") if isinstance(case.get("tools"), list) else []
    case["tools"] = tools + [value]
    return f"enum case.tools[]={value!r}"


@mutation
def voice_value(doc, rng):
    personality = pick_inline_personality(doc, rng)
    if personality is None:
        return None
    name, value = rng.choice([("voice_model", v) for v in VOICE_MODEL_VALUES] +
                             [("provider", v) for v in PROVIDER_VALUES])
    personality[name] = value
    return f"enum personality.{name}={value!r}"


@mutation
def version_value(doc, rng):
    if "version" not in doc and not schema_line_intact(doc):
        return None
    value = rng.choice(VERSION_VALUES)
    doc["version"] = value
    return f"const version={value!r}"


# ---------------------------------------------------------------------------------------------
# String lengths at their bounds, counted in code points


@mutation
def case_name_length(doc, rng):
    case = pick_case(doc, rng)
    if case is None:
        return None
    length, pool = rng.choice([0, 1, 79, 80, 81, 120]), rng.choice(sorted(CODE_POINT_POOLS))
    case["name"] = text_of_length(rng, length, pool)
    return f"length case.name={length}cp({pool})"


@mutation
def case_key_length(doc, rng):
    case = pick_case(doc, rng)
    if case is None:
        return None
    length, pool = rng.choice([0, 127, 128, 129]), rng.choice(["ascii", "cjk", "emoji", "mixed"])
    case["key"] = text_of_length(rng, length, pool)
    return f"length case.key={length}cp({pool})"


@mutation
def long_name_length(doc, rng):
    """suite.name, inline personality name and inline test profile name: maxLength 255."""
    site = rng.choice(["suite", "personality", "test_profile"])
    holder = {"suite": lambda: object_member(doc, "suite"),
              "personality": lambda: pick_inline_personality(doc, rng),
              "test_profile": lambda: pick_inline_test_profile(doc, rng)}[site]()
    if holder is None:
        return None
    length, pool = rng.choice([254, 255, 256]), rng.choice(sorted(CODE_POINT_POOLS))
    holder["name"] = text_of_length(rng, length, pool)
    return f"length {site}.name={length}cp({pool})"


@mutation
def tag_length(doc, rng):
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    length, pool = rng.choice([0, 63, 64, 65]), rng.choice(sorted(CODE_POINT_POOLS))
    tags = holder.get("tags") if isinstance(holder.get("tags"), list) else []
    holder["tags"] = tags + [text_of_length(rng, length, pool)]
    return f"length tags[]={length}cp({pool})"


@mutation(weight=2)
def personality_short_string(doc, rng):
    """prompt and voice_id have minLength 1; a single space is long enough."""
    personality = pick_inline_personality(doc, rng)
    if personality is None:
        return None
    name, value = rng.choice(["prompt", "voice_id"]), rng.choice(["", " ", "x"])
    personality[name] = value
    return f"length personality.{name}={value!r}"


# ---------------------------------------------------------------------------------------------
# Array sizes at their bounds


@mutation
def array_size(doc, rng):
    array_name, sizes = rng.choice([("metrics", [63, 64, 65]), ("tags", [31, 32, 33]), ("tools", [15, 16, 17])])
    holder = pick_case(doc, rng) if array_name == "tools" else pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    size = rng.choice(sizes)
    build = {"metrics": build_metrics, "tags": build_tags,
             "tools": lambda r, count: [r.choice(TOOLS) for _ in range(count)]}[array_name]
    holder[array_name] = build(rng, size)
    return f"size {array_name}={size}"


@mutation
def scenario_count(doc, rng):
    if not schema_line_intact(doc):
        return None
    count = rng.choice([0, 1, 200, 201])
    # Short cases keep the 200-case files small; the schema only counts them.
    doc["scenarios"] = [build_instruction_case(rng, optional_fields=False) for _ in range(count)]
    return f"size scenarios={count}"


# ---------------------------------------------------------------------------------------------
# Metric slugs: ^[a-z0-9_]+$, minLength 1. No slug ends in "\n": Python's `$` matches before a final
# newline, unlike the ECMA-262 regex the schema means, so the oracle would accept it wrongly.

METRIC_SLUG_VALUES = ["Greeting-By-Name", "expected outcome", "café_check", "UPPER", "a-b", "tool.call", "",
                      "slug!", "ＡＢＣ", "ß", "abc_123", "_", "9"]


@mutation(weight=2)
def metric_slug(doc, rng):
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    value = rng.choice(METRIC_SLUG_VALUES)
    metrics = holder.get("metrics") if isinstance(holder.get("metrics"), list) else []
    metrics = list(metrics)
    metrics.insert(rng.randint(0, len(metrics)), value)
    holder["metrics"] = metrics
    return f"pattern metrics[]={value!r}"


# ---------------------------------------------------------------------------------------------
# Unknown properties (additionalProperties: false everywhere)

UNKNOWN_PROPERTIES = {
    # Request fields and credentials must not be in the file (rulebook §3.1).
    "root": {"agent_id": 42, "channel": "voice", "api_key": "sk-test-0000", "project_id": 7,
             "phone_number": "+15550100", "token": "tok-0000", "X-CEKURA-API-KEY": "k-0000",
             "Authorization": "Bearer abc", "assistant_id": "asst_1", "name": "Nightly", "Version": "1",
             "scenario": [], "versión": "1"},
    "suite": {"title": "Nightly", "tags": ["nightly"], "version": "1", "agent_id": 42},
    # Case-only fields are not allowed in defaults (rulebook §3.2).
    "defaults": {"tools": ["end_call"], "type": "instruction", "instructions": "Ask for help.",
                 "conditional_actions": {}, "expected_outcome": "Solved.", "first_message": "Hi", "key": "k",
                 "name": "Default", "agent_id": 42, "channel": "text", "api_key": "sk-test-0000",
                 "scenario_language": "en"},
    # Evaluator-body names used in a case (rulebook §1.2, S15) and request fields.
    "case": {"scenario_type": "instruction", "scenario_language": "en", "expected_outcome_prompt": "Solved.",
             "tool_ids": ["TOOL_DTMF"], "phone_number": "+15550100", "agent_id": 42, "channel": "voice",
             "api_key": "sk-test-0000", "Name": "Refund", "description": "x", "id": 5, "concurrency_limit": 2,
             "$schema": SCHEMA_URL, "名前": "x", "instructions ": "trailing space in the key"},
    "personality": {"voice": "Rachel", "id": 3, "gender": "female", "Language": "en"},
    "test_profile": {"information": {"a": 1}, "variables": {"a": 1}, "main_agent_variables": {"a": 1},
                     "testing_agent_variables": {"a": 1}, "agent_variable": {"a": 1}},
}


def add_unknown_property(obj, rng, site):
    if obj is None:
        return None
    name = rng.choice(sorted(UNKNOWN_PROPERTIES[site]))
    obj[name] = UNKNOWN_PROPERTIES[site][name]
    return f"unknown {site}.{name}"


@mutation
def unknown_property_root(doc, rng):
    return add_unknown_property(doc, rng, "root")


@mutation
def unknown_property_suite_or_defaults(doc, rng):
    site = rng.choice(["suite", "defaults"])
    return add_unknown_property(object_member(doc, site), rng, site)


@mutation
def unknown_property_case(doc, rng):
    return add_unknown_property(pick_case(doc, rng), rng, "case")


@mutation
def unknown_property_inline(doc, rng):
    if rng.random() < 0.5:
        return add_unknown_property(pick_inline_personality(doc, rng), rng, "personality")
    return add_unknown_property(pick_inline_test_profile(doc, rng), rng, "test_profile")


# Fields of a saved personality that a spec cannot set inline (rulebook §3.4).
NOT_INLINE_FIELDS = {"interruption_level": "high", "generation_config": {"temperature": 0.3},
                     "network_simulation": {"packet_loss": 5}, "background_sound_volume": 0.5,
                     "message_plan": {}, "start_speaking_plan": {}, "stop_speaking_plan": {}, "accent": "british"}


@mutation
def personality_field_not_inline(doc, rng):
    personality = pick_inline_personality(doc, rng)
    if personality is None:
        return None
    name = rng.choice(sorted(NOT_INLINE_FIELDS))
    personality[name] = NOT_INLINE_FIELDS[name]
    return f"not-inline personality.{name}"


# ---------------------------------------------------------------------------------------------
# Required properties


@mutation
def remove_root_required(doc, rng):
    if not schema_line_intact(doc):
        return None  # without `$schema`, `version` and `scenarios` are what make it a suite
    name = rng.choice(["version", "scenarios"])
    doc.pop(name, None)
    return f"missing root.{name}"


@mutation
def remove_case_name(doc, rng):
    case = pick_case(doc, rng)
    if case is None:
        return None
    case.pop("name", None)
    return "missing case.name"


@mutation
def remove_instructions(doc, rng):
    case = pick_case(doc, rng, lambda c: not is_script_case(c) and "instructions" in c)
    if case is None:
        return None
    del case["instructions"]
    return f"missing case.instructions (type {case.get('type', 'absent')!r})"


@mutation
def remove_script(doc, rng):
    case = pick_case(doc, rng, is_script_case)
    if case is None:
        return None
    case.pop("conditional_actions", None)
    return "missing case.conditional_actions"


@mutation(weight=2)
def remove_case_language(doc, rng):
    """A conditional_actions case without `language`: with it in defaults this is the known divergence
    S4 (the schema rejects, the checker warns); without it, S3 (both reject)."""
    case = pick_case(doc, rng, is_script_case)
    if case is None:
        return None
    case.pop("language", None)
    defaults = object_member(doc, "defaults")
    if defaults is not None and rng.random() < 0.6:
        defaults["language"] = rng.choice(LANGUAGES)
        return "missing case.language (defaults.language set)"
    if defaults is not None:
        defaults.pop("language", None)
    return "missing case.language (no defaults.language)"


@mutation(weight=2)
def scratch_personality_incomplete(doc, rng):
    personality = pick_inline_personality(doc, rng, form="scratch")
    if personality is None:
        return None
    required = ["prompt", "language", "voice_model", "voice_id", "background_noise"]
    missing = rng.sample(required, rng.choice([1, 1, 1, 2, 5]))
    for name in missing:
        personality.pop(name, None)
    return f"missing personality.{'+'.join(sorted(missing))} (no base)"


@mutation
def remove_personality_base(doc, rng):
    personality = pick_inline_personality(doc, rng, form="base")
    if personality is None:
        return None
    personality.pop("base", None)
    return f"missing personality.base (left: {','.join(real_keys(personality)) or 'nothing'})"


@mutation
def empty_test_profile(doc, rng):
    holder = pick_defaults_or_case(doc, rng)
    if holder is None:
        return None
    holder["test_profile"] = {}
    return "empty test_profile {}"


@mutation
def switch_case_type(doc, rng):
    """Change a case's type so that the if/then/else of the case schema picks the other branch."""
    case = pick_case(doc, rng)
    if case is None:
        return None
    if is_script_case(case):
        change = rng.choice(["instruction", "absent", "real_world_smart"])
        if change == "absent":
            del case["type"]
        else:
            case["type"] = change
        return f"switch case.type conditional_actions->{change}"
    case["type"] = "conditional_actions"
    if rng.random() < 0.5:
        case["conditional_actions"] = build_script(rng)
        case["language"] = rng.choice(LANGUAGES)
        give_scripts_their_test_data(doc)
        return "switch case.type ->conditional_actions (script and language added)"
    return "switch case.type ->conditional_actions (no script, no language)"


@mutation
def script_in_other_form(doc, rng):
    """conditional_actions as a JSON string (the evaluator's saved form) or as the bare conditions array."""
    case = pick_case(doc, rng, is_script_case)
    if case is None or not isinstance(case.get("conditional_actions"), dict):
        return None
    script = case["conditional_actions"]
    form = rng.choice(["string", "array"])
    case["conditional_actions"] = json.dumps(script, ensure_ascii=False) if form == "string" else script["conditions"]
    return f"wrong-type case.conditional_actions={form}"


# Strings without minLength and arrays without minItems: empty is fine for the schema.
EMPTY_STRING_SITES = {"case": ["instructions", "expected_outcome", "first_message", "key"],
                      "suite": ["name", "description"], "personality": ["name", "background_noise"],
                      "test_profile": ["name"]}


@mutation
def schema_valid_empties(doc, rng):
    site = rng.choice(["case", "suite", "personality", "test_profile", "arrays", "variables"])
    if site == "arrays":
        holder = pick_case(doc, rng)
        if holder is None:
            return None
        name = rng.choice(["metrics", "tags", "tools"])
        holder[name] = []
        return f"empty case.{name}=[]"
    if site == "variables":
        profile = pick_inline_test_profile(doc, rng)
        if profile is None:
            return None
        name = rng.choice(["agent_variables", "caller_variables"])
        profile[name] = {}
        return f"empty test_profile.{name}={{}}"
    holder = {"case": lambda: pick_case(doc, rng, lambda c: not is_script_case(c)),
              "suite": lambda: object_member(doc, "suite"),
              "personality": lambda: pick_inline_personality(doc, rng),
              "test_profile": lambda: pick_inline_test_profile(doc, rng)}[site]()
    if holder is None:
        return None
    name = rng.choice(EMPTY_STRING_SITES[site])
    holder[name] = rng.choice(["", " "])
    return f"empty {site}.{name}={holder[name]!r}"


@mutation
def schema_valid_extras(doc, rng):
    """Combinations the schema accepts but our rules warn about (S5, S6, S12)."""
    choice = rng.choice(["instructions-and-script", "script-on-instruction-case", "dtmf-and-receive-dtmf"])
    if choice == "instructions-and-script":
        case = pick_case(doc, rng, is_script_case)
        if case is None:
            return None
        case["instructions"] = "Follow the script."
    elif choice == "script-on-instruction-case":
        case = pick_case(doc, rng, lambda c: not is_script_case(c))
        if case is None:
            return None
        case["conditional_actions"] = build_script(rng)
    else:
        case = pick_case(doc, rng)
        if case is None:
            return None
        case["tools"] = ["dtmf", "receive_dtmf"]
    return f"extra {choice}"


# ---------------------------------------------------------------------------------------------
# Duplicate keys: the API keeps the last value, and so does the schema's view of the file


def duplicate_key_sites(doc):
    sites = [("root", doc, ROOT_PROPERTIES)]
    for key, properties in (("suite", SUITE_PROPERTIES), ("defaults", DEFAULTS_PROPERTIES)):
        if isinstance(doc.get(key), dict):
            sites.append((key, doc[key], properties))
    sites += [("case", case, CASE_PROPERTIES) for case in case_objects(doc)]
    sites += [("personality", p, PERSONALITY_PROPERTIES) for p in inline_objects(doc, "personality")]
    sites += [("test_profile", p, TEST_PROFILE_PROPERTIES) for p in inline_objects(doc, "test_profile")]
    return [(site, obj, properties) for site, obj, properties in sites
            if any(key in properties for key in real_keys(obj))]


# For keys whose value steers other rules (the case's if/then, the language rules), a second
# occurrence with another string is more telling than one of the wrong type.
OTHER_STRINGS = {"type": ["instruction", "conditional_actions", "instruction_"], "language": ["kk", "en", "EN"],
                 "version": ["2", "1"], "name": ["", "Other name"]}


@mutation(weight=2)
def duplicate_key(doc, rng):
    """Write a key twice, the other value first (lost) or last (kept)."""
    site, obj, properties = rng.choice(duplicate_key_sites(doc))
    names = [key for key in real_keys(obj) if key in properties]
    if site == "root" and not schema_line_intact(doc):
        names = [name for name in names if name not in ("version", "scenarios")]
    names = [name for name in names if name != "$schema"]  # the kind check reads `$schema`
    if not names:
        return None
    name = rng.choice(names)
    if name in OTHER_STRINGS and rng.random() < 0.5:
        other_value = rng.choice(OTHER_STRINGS[name])
    else:
        _, other_value = wrong_type_value(rng, properties[name])
    kept_last = rng.random() < 0.5
    first_value, last_value = (other_value, obj[name]) if kept_last else (obj[name], other_value)
    rebuilt = {}
    for key, value in obj.items():
        if key == name:
            rebuilt[EarlierDuplicate(name)] = first_value
            rebuilt[name] = last_value
        else:
            rebuilt[key] = value
    obj.clear()
    obj.update(rebuilt)
    return f"duplicate {site}.{name} ({brief(last_value)} last, {brief(first_value)} first)"


# ---------------------------------------------------------------------------------------------
# Writing JSON text (duplicate keys and raw numbers need a writer of our own)


class Layout:
    """How a file is written: indentation, line ending, whether non-ASCII is escaped, and how often
    any other character of a key or string is written as a \\u escape (`"\\u0074ype"` is `"type"`)."""

    def __init__(self, rng):
        self.style = rng.choice(["pretty", "pretty", "compact", "cases-on-one-line"])
        self.newline = "\r\n" if rng.random() < 0.1 else "\n"
        self.ensure_ascii = rng.random() < 0.15
        self.escape_rate = rng.choice([0.3, 0.05]) if rng.random() < 0.15 else 0
        self.rng = random.Random(rng.getrandbits(64))  # its own stream, so escapes do not shift the rest


def escape_character(char, rng):
    if ord(char) > 0xFFFF:  # a surrogate pair, as JSON writes characters outside the BMP
        high, low = divmod(ord(char) - 0x10000, 0x400)
        return escape_character(chr(0xD800 + high), rng) + escape_character(chr(0xDC00 + low), rng)
    text = f"\\u{ord(char):04x}"
    return text.upper().replace("\\U", "\\u") if rng.random() < 0.5 else text


def write_string(text, layout):
    if not layout.escape_rate:
        return json.dumps(text, ensure_ascii=layout.ensure_ascii)
    parts = []
    for char in text:
        if layout.rng.random() < layout.escape_rate:
            parts.append(escape_character(char, layout.rng) if char != "/" else "\\/")
        else:
            parts.append(json.dumps(char, ensure_ascii=layout.ensure_ascii)[1:-1])
    return '"' + "".join(parts) + '"'


def write_scalar(value, layout):
    if isinstance(value, RawNumber):
        return value.text
    if isinstance(value, str):
        return write_string(value, layout)
    return json.dumps(value)


def write_value(value, layout, depth=0, one_line=False):
    if isinstance(value, dict):
        items = [(write_string(key_text(key), layout) + ": ", member)
                 for key, member in value.items()]
        return write_container("{", "}", items, layout, depth, one_line)
    if isinstance(value, list):
        # In "cases-on-one-line", each case sits on one line, as in the project's examples.
        inner_one_line = one_line or (layout.style == "cases-on-one-line" and depth >= 1)
        items = [("", item) for item in value]
        return write_container("[", "]", items, layout, depth, one_line, inner_one_line)
    return write_scalar(value, layout)


def write_container(opening, closing, items, layout, depth, one_line, inner_one_line=None):
    if inner_one_line is None:
        inner_one_line = one_line
    if not items:
        return opening + closing
    if one_line or layout.style == "compact":
        parts = [prefix + write_value(item, layout, depth + 1, True) for prefix, item in items]
        return opening + ", ".join(parts) + closing
    indent = "  " * (depth + 1)
    parts = [indent + prefix + write_value(item, layout, depth + 1, inner_one_line) for prefix, item in items]
    separator = "," + layout.newline
    return opening + layout.newline + separator.join(parts) + layout.newline + "  " * depth + closing


def write_document(doc, layout):
    return write_value(doc, layout) + layout.newline


# ---------------------------------------------------------------------------------------------


def apply_mutations(doc, rng, count):
    functions, weights = zip(*MUTATIONS)
    labels = []
    while len(labels) < count:
        label = rng.choices(functions, weights)[0](doc, rng)
        if label:
            labels.append(label)
    assert kind_still_detectable(doc), labels
    return labels


def generate(seed, count, out_dir):
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = [f"# generate_suites.py --seed {seed} --count {count}"]
    for number in range(1, count + 1):
        doc = build_valid_suite(rng)
        labels = apply_mutations(doc, rng, rng.randint(0, 3))
        layout = Layout(rng)
        name = f"case-{number:04d}.json"
        # newline="" keeps "\r\n" as written.
        with open(out_dir / name, "w", encoding="utf-8", newline="") as file:
            file.write(write_document(doc, layout))
        manifest.append(f"{name}\t{'; '.join(labels) or 'none (valid base suite)'}")
    (out_dir / "mutations.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    generate(args.seed, args.count, args.out_dir)


if __name__ == "__main__":
    main()
