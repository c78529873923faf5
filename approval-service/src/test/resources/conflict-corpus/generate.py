#!/usr/bin/env python3
"""Writes corpus.jsonl: labelled pairs of emails from agent roles to one mailbox's customers.

Each line: {"id", "class", "hold", "expect_kind", "a": email, "b": email}; an email is
{"role", "to", "thread_id", "subject", "markdown"}. "a" was sent first; "hold" says whether "b"
must be held (duplicate or conflict). Run: python3 generate.py > corpus.jsonl (deterministic; an
optional first argument is another random seed, for a held-out check of tuned thresholds).
"""
import json
import random
import sys

from topics import CUSTOMERS, ROLES, SENDERS, TOPICS

rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 19)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
YN = {
    "downtime": (["is required", "will be required"], ["is not required", "won't be required", "isn't required"]),
    "refundable": (["is refundable", "is fully refundable"], ["is not refundable", "isn't refundable"]),
    "support": (["is supported", "will be supported"], ["is not supported", "won't be supported", "isn't supported"]),
    "fixed": (["is fixed", "has been fixed"], ["is not fixed yet", "isn't fixed", "is still not fixed"]),
}


def ordinal(n):
    return str(n) + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def render(kind, value):
    if kind == "date":
        m, d = value
        name = MONTHS[m - 1]
        return rnd.choice([f"{name} {d}", f"{name[:3]} {d}", f"{name[:3]}. {ordinal(d)}" if len(name) > 4 else f"{name} {ordinal(d)}", f"{d} {name}",
                           f"the {ordinal(d)} of {name}", f"2026-{m:02d}-{d:02d}", f"{name} {d}, 2026",
                           f"{ordinal(d)} {name}"])
    if kind == "weekday":
        return value
    if kind == "time":
        h, mi = value
        h12 = h % 12 or 12
        ap = "PM" if h >= 12 else "AM"
        return rnd.choice([f"{h12}{ap.lower()}", f"{h12}:{mi:02d} {ap}", f"{h:02d}:{mi:02d}", f"{h12}:{mi:02d}{ap.lower()}"])
    if kind == "price":
        cur, amt = value
        whole = f"{amt:,.0f}" if amt == int(amt) else f"{amt:,.2f}"
        sym = {"USD": "$", "EUR": "€", "GBP": "£"}[cur]
        return rnd.choice([f"{sym}{whole}", f"{cur} {whole}", f"{whole} {cur}", f"{sym}{amt:,.2f}",
                           f"{whole} {'dollars' if cur == 'USD' else 'euros' if cur == 'EUR' else 'pounds'}"])
    if kind == "pct":
        return rnd.choice([f"{value}%", f"{value} percent", f"{value} %"])
    if kind == "version":
        return rnd.choice([f"v{value}", f"version {value}", f"release {value}", f"{value}.0" if value.count(".") == 1 else f"v{value}"])
    if kind.startswith("qty:"):
        unit = kind[4:]
        words = {2: "two", 3: "three", 4: "four", 5: "five", 8: "eight", 10: "ten", 12: "twelve"}
        n = words[value] if value in words and rnd.random() < 0.4 else str(value)
        return f"{n} {'GB' if unit == 'gb' else unit}"
    if kind.startswith("yn:"):
        yes, no = YN[kind[3:]]
        return rnd.choice(yes if value else no)
    raise ValueError(kind)


def value_for(kind, avoid=None):
    while True:
        if kind == "date":
            v = (rnd.randint(1, 12), rnd.randint(1, 28))
        elif kind == "weekday":
            v = rnd.choice(WEEKDAYS)
        elif kind == "time":
            v = (rnd.choice([8, 9, 10, 11, 13, 14, 15, 16, 17]), rnd.choice([0, 0, 30]))
        elif kind == "price":
            v = (rnd.choice(["USD", "EUR", "GBP"]), rnd.choice([49, 99, 249, 480, 1200, 1450, 4800, 12000, 89.5]))
        elif kind == "pct":
            v = rnd.choice([5, 8, 10, 12, 15, 20, 25, 30])
        elif kind == "version":
            v = rnd.choice(["4.2", "4.3", "5.0", "5.1", "3.9.1", "6.0.2"])
        elif kind.startswith("qty:"):
            v = rnd.choice([2, 3, 4, 5, 8, 10, 12, 20, 25, 50, 100, 250])
        elif kind.startswith("yn:"):
            v = rnd.choice([True, False])
        else:
            raise ValueError(kind)
        if avoid is None or (v != avoid and not (kind == "price" and v[1] == avoid[1])):
            return v


def values(topic):
    return {slot: value_for(kind) for slot, kind in topic["slots"].items()}


def fill(text, topic, vals):
    out = text
    for slot, kind in topic["slots"].items():
        if "{" + slot + "}" in out or "{" + slot.upper() + "}" in out:
            r = render(kind, vals[slot])
            out = out.replace("{" + slot + "}", r).replace("{" + slot.upper() + "}", r[0].upper() + r[1:])
    return out


def greeting(customer):
    first, last, _ = customer
    return rnd.choice([f"Hi {first},", f"Hello {first},", f"Dear {first} {last},", "Hi there,",
                       f"Good morning {first},", f"Hey {first}!", "Hello,", ""])


def signoff(role):
    name = SENDERS[role]
    title = {"ProductManager": "Product Manager", "SalesAgent": "Account Executive"}.get(role, role)
    return rnd.choice([f"Best,\n{name}", f"Kind regards,\n{name}\n{title}, Acme", f"Thanks!\n{name}",
                       f"Cheers,\n{name}", f"— {name}", f"-- \n{name} | {title}\nAcme Corp | +1 555 0100",
                       f"Best regards,\n{name} ({title})", f"Thank you,\n{name}"])


FILLERS = ["I hope this email finds you well.", "Let me know if you have any questions.",
           "Feel free to reach out if anything is unclear.", "Thanks for your patience.",
           "Looking forward to hearing from you.", ""]


def compose(topic, vals, role, customer, picks=None, order=None, subject_ix=None, extra=None, prefix=None):
    groups = topic["groups"]
    picks = picks or [rnd.randrange(len(g)) for g in groups]
    order = order or list(range(len(groups)))
    sentences = [fill(groups[i][picks[i]], topic, vals) for i in order]
    if extra:
        sentences.append(extra)
    if prefix:
        sentences.insert(0, prefix)
    if rnd.random() < 0.5:
        body = " ".join(sentences)
    else:
        cut = rnd.randint(1, len(sentences) - 1)
        body = " ".join(sentences[:cut]) + "\n\n" + " ".join(sentences[cut:])
    parts = [greeting(customer), rnd.choice(FILLERS), body, rnd.choice(FILLERS), signoff(role)]
    subjects = topic["subjects"]
    subject = fill(subjects[rnd.randrange(len(subjects)) if subject_ix is None else subject_ix], topic, vals)
    return subject, "\n\n".join(p for p in parts if p), picks


def address(customer):
    first, last, domain = customer
    return f"{first.lower()}.{last.lower()}@{domain}"


def email(role, to, subject, markdown, thread=None):
    return {"role": role, "to": to, "thread_id": thread, "subject": subject, "markdown": markdown}


def two_roles():
    return rnd.sample(ROLES, 2)


def other_picks(topic, picks):
    return [(p + rnd.randint(1, len(g) - 1)) % len(g) for p, g in zip(picks, topic["groups"])]


def pair_duplicate(kind):
    topic, customer = rnd.choice(TOPICS), rnd.choice(CUSTOMERS)
    ra, rb = two_roles()
    if rnd.random() < 0.3:
        rb = ra
    vals = values(topic)
    to = [address(customer)]
    subject, body, picks = compose(topic, vals, ra, customer)
    a = email(ra, to, subject, body)
    if kind == "exact_duplicate":
        b = email(rb, list(to), subject, body)
    elif kind == "reworded_duplicate":
        s2, b2, _ = compose(topic, vals, rb, customer, picks=other_picks(topic, picks))
        b = email(rb, list(to), s2, b2)
    else:  # same facts, other order
        order = list(range(len(topic["groups"])))
        while order == sorted(order):
            rnd.shuffle(order)
        s2, b2, _ = compose(topic, vals, rb, customer, picks=picks, order=order)
        b = email(rb, list(to), s2, b2)
    return a, b, True, None


def contradiction(topic, kinds):
    slots = [s for s, k in topic["slots"].items() if any(k.startswith(x) for x in kinds)]
    return rnd.choice(slots) if slots else None


def pair_contradiction(kind):
    want = {"contradicting_date": ["date", "weekday"], "contradicting_price": ["price"],
            "reworded_contradiction": ["time", "pct", "qty", "version", "yn", "date", "price", "weekday"],
            "quoted_thread_contradiction": ["date", "time", "price", "pct", "qty", "version", "yn"]}[kind]
    topic = rnd.choice([t for t in TOPICS if contradiction(t, want)])
    slot = contradiction(topic, want)
    customer = rnd.choice(CUSTOMERS)
    ra, rb = two_roles()
    vals = values(topic)
    vals2 = dict(vals)
    vals2[slot] = value_for(topic["slots"][slot], avoid=vals[slot])
    if topic["slots"][slot].startswith("yn:"):
        vals2[slot] = not vals[slot]
    to = [address(customer)]
    subject, body, picks = compose(topic, vals, ra, customer)
    expect = topic["slots"][slot].split(":")[0]
    expect = {"pct": "percent", "price": "amount", "qty": "quantity", "yn": "yes_no"}.get(expect, expect)
    if kind == "quoted_thread_contradiction":
        thread = f"thr-{rnd.randrange(10**6)}"
        a = email(ra, to, subject, body, thread)
        # b answers above a quote of a: only b's own text must count
        s2, own, _ = compose(topic, vals2, rb, customer, picks=other_picks(topic, picks))
        quoted = "\n".join("> " + line if line else ">" for line in body.split("\n"))
        header = rnd.choice([f"On Tue, Dec 1, 2026 at 9:14 AM {SENDERS[ra]} <{SENDERS[ra].lower()}@acme.example> wrote:",
                             "-----Original Message-----\nFrom: " + SENDERS[ra] + "\nSent: Tuesday",
                             ""])
        b_body = own + "\n\n" + (header + "\n" if header else "") + quoted
        return a, email(rb, to + ([f"ops@{customer[2]}"] if rnd.random() < 0.3 else []), "Re: " + subject, b_body, thread), True, expect
    a = email(ra, to, subject, body)
    reword = kind == "reworded_contradiction" or rnd.random() < 0.5
    s2, b2, _ = compose(topic, vals2, rb, customer, picks=other_picks(topic, picks) if reword else picks)
    return a, email(rb, to, s2, b2), True, expect


def pair_correction():
    topic = rnd.choice([t for t in TOPICS if contradiction(t, ["date", "price", "time", "pct", "qty", "version"])])
    slot = contradiction(topic, ["date", "price", "time", "pct", "qty", "version"])
    customer = rnd.choice(CUSTOMERS)
    role = rnd.choice(ROLES)
    vals = values(topic)
    vals2 = dict(vals)
    vals2[slot] = value_for(topic["slots"][slot], avoid=vals[slot])
    to = [address(customer)]
    subject, body, picks = compose(topic, vals, role, customer)
    prefix = rnd.choice(["Correction to my earlier email:", "Sorry, I made a mistake in my last message.",
                         "Please disregard the figure in my previous note.", "A quick correction:",
                         "I misstated one detail earlier, here is the corrected version."])
    s2, b2, _ = compose(topic, vals2, role, customer, picks=other_picks(topic, picks), prefix=prefix)
    if rnd.random() < 0.5:
        s2 = "Correction: " + s2
    return email(role, to, subject, body), email(role, to, s2, b2), False, None


def pair_followup():
    topic, customer = rnd.choice(TOPICS), rnd.choice(CUSTOMERS)
    role = rnd.choice(ROLES)
    vals = values(topic)
    to = [address(customer)]
    subject, body, _ = compose(topic, vals, role, customer)
    thread = f"thr-{rnd.randrange(10**6)}" if rnd.random() < 0.4 else None
    follow = rnd.choice(topic["followups"])
    b_body = "\n\n".join(p for p in [greeting(customer), follow, rnd.choice(FILLERS), signoff(role)] if p)
    b_subject = ("Re: " + subject) if thread or rnd.random() < 0.3 else rnd.choice(["Following up", "Quick question", "One more thing", "Next steps"])
    return email(role, to, subject, body, thread), email(role, to, b_subject, b_body, thread), False, None


CONTEXT = ["This applies to the {c} account on Acme Analytics.", "This is for the {c} workspace.",
           "Your Acme Analytics account team is happy to help.", "It concerns the {c} production workspace.",
           "Reference: {c} account, Acme Analytics Enterprise plan.", "",
           "We appreciate {c} as an Acme Analytics customer."]


def pair_unrelated():
    t1, t2 = rnd.sample(TOPICS, 2)
    customer = rnd.choice(CUSTOMERS)
    ra, rb = two_roles()
    to = [address(customer)]
    company = customer[2].split(".")[0].capitalize()
    s1, b1, _ = compose(t1, values(t1), ra, customer, extra=rnd.choice(CONTEXT).format(c=company) or None)
    s2, b2, _ = compose(t2, values(t2), rb, customer, extra=rnd.choice(CONTEXT).format(c=company) or None)
    cc = [address(rnd.choice(CUSTOMERS))] if rnd.random() < 0.3 else []
    return email(ra, to, s1, b1), email(rb, to + cc, s2, b2), False, None


def pair_other_customer():
    topic = rnd.choice(TOPICS)
    c1, c2 = rnd.sample(CUSTOMERS, 2)
    ra, rb = two_roles()
    vals = values(topic)
    s1, b1, picks = compose(topic, vals, ra, c1)
    b = email(rb if rnd.random() < 0.5 else ra, [address(c2)], s1, b1)
    return email(ra, [address(c1)], s1, b1), b, False, None


def pair_complementary():
    topic, customer = rnd.choice(TOPICS), rnd.choice(CUSTOMERS)
    ra, rb = two_roles()
    vals = values(topic)
    n = len(topic["groups"])
    first = rnd.randrange(n)
    second = (first + rnd.randint(1, n - 1)) % n
    picks = [rnd.randrange(len(g)) for g in topic["groups"]]
    ix = rnd.randrange(len(topic["subjects"]))
    s1, b1, _ = compose(topic, vals, ra, customer, picks=picks, order=[first, second])
    third = [i for i in range(n) if i not in (first,)]
    s2, b2, _ = compose(topic, vals, rb, customer, picks=other_picks(topic, picks), order=third,
                        subject_ix=(ix + 1) % len(topic["subjects"]))
    return email(ra, [address(customer)], s1, b1), email(rb, [address(customer)], s2, b2), True, None


CLASSES = [
    ("exact_duplicate", 30, lambda: pair_duplicate("exact_duplicate")),
    ("reworded_duplicate", 45, lambda: pair_duplicate("reworded_duplicate")),
    ("same_facts_other_order", 35, lambda: pair_duplicate("reordered")),
    ("contradicting_date", 45, lambda: pair_contradiction("contradicting_date")),
    ("contradicting_price", 40, lambda: pair_contradiction("contradicting_price")),
    ("reworded_contradiction", 50, lambda: pair_contradiction("reworded_contradiction")),
    ("quoted_thread_contradiction", 40, lambda: pair_contradiction("quoted_thread_contradiction")),
    ("same_topic_other_details", 30, pair_complementary),
    ("same_role_correction", 35, pair_correction),
    ("same_role_followup", 35, pair_followup),
    ("unrelated_topics_same_customer", 90, pair_unrelated),
    ("same_announcement_other_customer", 30, pair_other_customer),
]


def main():
    n = 0
    for name, count, make in CLASSES:
        for _ in range(count):
            a, b, hold, expect = make()
            n += 1
            print(json.dumps({"id": f"{name}-{n}", "class": name, "hold": hold, "expect_kind": expect,
                              "a": a, "b": b}, ensure_ascii=False))
    print(f"{n} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
