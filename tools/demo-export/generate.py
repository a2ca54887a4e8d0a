#!/usr/bin/env python3
"""Writes the demo's synthetic Telegram export (standalone/src/main/resources/demo/telegram/).

Everything here is made up: chats, names, user ids, the person's number (Spain's 612 range is used for fiction in
the project's corpus) and the pictures (benign gradients drawn by the demo at start, listed in images.tsv). The files
are written the way Telegram Desktop writes them: one space of indent per level, "key": value, no newline at the end,
date as the exporting machine's local time (Europe/Madrid) beside date_unixtime.

Run from the repository root: python3 tools/demo-export/generate.py
"""
import json
import os
from datetime import datetime, timedelta, timezone

OUT = "standalone/src/main/resources/demo/telegram"
MADRID = timezone(timedelta(hours=1))  # January: CET
T0 = datetime(2026, 1, 15, 20, 0, 0, tzinfo=timezone.utc)

OWNER = ("Marco Demo", "user6100000001")
ADMIN = ("Admin Demo", "user6100000002")
USERS = [("Ana Demo", "user6100000011"), ("Bruno Demo", "user6100000012"), ("Carla Demo", "user6100000013"),
         ("Dani Demo", "user6100000014"), ("Eva Demo", "user6100000015"), (None, "user6100000016")]  # the last: a deleted account

images = []  # (path in the export, demo image name)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


def stamp(m, when):
    m["date"] = when.astimezone(MADRID).strftime("%Y-%m-%dT%H:%M:%S")
    m["date_unixtime"] = str(int(when.timestamp()))


def text_fields(m, text):
    if isinstance(text, str):
        m["text"] = text
        m["text_entities"] = [{"type": "plain", "text": text}] if text else []
    else:
        m["text"] = text
        ents = []
        for p in text:
            ents.append({"type": "plain", "text": p} if isinstance(p, str) else p)
        m["text_entities"] = ents


def msg(mid, minutes, who, text="", **extra):
    m = {"id": mid, "type": "message"}
    stamp(m, at(minutes))
    m["from"], m["from_id"] = who
    for k, v in extra.items():
        m[k] = v
    text_fields(m, text)
    return m


def svc(mid, minutes, who, action, **extra):
    m = {"id": mid, "type": "service"}
    stamp(m, at(minutes))
    m["actor"], m["actor_id"] = who
    m["action"] = action
    m.update(extra)
    text_fields(m, "")
    return m


def photo(chat_dir, n, minutes, image, width=640, height=480):
    name = "photos/photo_%d@%s.jpg" % (n, at(minutes).astimezone(MADRID).strftime("%d-%m-%Y_%H-%M-%S"))
    images.append((chat_dir + name, image))
    return {"photo": name, "photo_file_size": 40000, "width": width, "height": height}


def chat(name, typ, bare, messages):
    # Telegram Desktop leaves the name out for saved messages, and every key whose value is empty.
    c = {} if typ == "saved_messages" else {"name": name}
    c.update({"type": typ, "id": bare, "messages": messages})
    return c


def write(folder, root):
    path = os.path.join(OUT, folder, "result.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(root, ensure_ascii=False, indent=1))


NUMBER = "612 34 56 78"
LINK = {"type": "link", "text": "https://t.me/+TertuliaNuevaDemo"}

# A: a public channel posts the picture first.
ch = "ChatExport_2026-01-16_canal/"
canal = chat("Novidades Lisboa (demo)", "public_channel", 1000000101, [
    svc(1, 0, ("Novidades Lisboa (demo)", "channel1000000101"), "create_channel", title="Novidades Lisboa (demo)"),
    msg(2, 1, ("Novidades Lisboa (demo)", "channel1000000101"), "Bom dia! Hoje em Lisboa:", **photo(ch, 1, 1, "lisboa-1")),
    msg(3, 3, ("Novidades Lisboa (demo)", "channel1000000101"), "Foto do dia", **photo(ch, 2, 3, "shared-1")),
])
write(ch, canal)

# B: a public group where the picture is forwarded and re-uploaded, with a made-up person's number in several forms.
qd = "ChatExport_2026-01-16_quedadas/"
a, b, c, d, e, deleted = USERS
quedadas = chat("Quedadas Madrid (demo)", "public_supergroup", 1000000102, [
    msg(10, 2, a, "¿Quién viene esta noche?"),
    msg(11, 4, b, "", forwarded_from="Novidades Lisboa (demo)", **photo(qd, 1, 4, "shared-1")),
    msg(12, 5, c, "esta es la de la foto, su número es " + NUMBER + ", escribidle"),
    msg(13, 6, d, "Mirad esta foto jaja", **photo(qd, 2, 6, "shared-1-reupload")),
    msg(14, 7, d, ["la misma, ", {"type": "phone", "text": "+34 612 345 678"}, " por si no lo teníais"]),
    msg(15, 8, e, "", **photo(qd, 3, 8, "album-1")),
    msg(16, 8, e, "", **photo(qd, 4, 8, "album-2")),
    msg(17, 9, ("Quedadas Madrid (demo)", "channel1000000102"), "Recordad las normas del grupo 🙂"),
    msg(18, 10, deleted, "Buenos días a todos"),
    msg(19, 11, a, "😀 el sábado quedamos en la plaza a las 19:00"),
])
write(qd, quedadas)

# C: the group re-created after the takedown of "Tertulia (demo)": same owner and admin, the same avatar, a near title.
tn = "ChatExport_2026-01-17_tertulia-nocturna/"
avatar = photo(tn, 1, 20, "avatar-1", 320, 320)
tertulia_nueva = chat("Tertulia nocturna (demo)", "private_supergroup", 1000000104, [
    svc(30, 20, OWNER, "create_channel", title="Tertulia nocturna (demo)"),
    svc(31, 20, OWNER, "edit_group_photo", photo=avatar["photo"], width=320, height=320),
    svc(32, 21, ADMIN, "invite_members", members=["Ana Demo", "Bruno Demo", "Carla Demo"]),
    msg(33, 22, ADMIN, ["nos cerraron el otro, este es el nuevo: ", LINK]),
    svc(34, 22, ADMIN, "pin_message", message_id=33),
    svc(35, 23, d, "join_group_by_link", inviter="Admin Demo"),
    msg(36, 24, b, "volvemos 😈", **photo(tn, 2, 24, "shared-1-reupload")),
    msg(37, 25, c, "su número: (+34) 612-34-56-78, ya sabéis"),
    svc(38, 26, a, "remove_members", members=["Ana Demo"]),
])
write(tn, tertulia_nueva)

# D and E: a full data export of the analyst's account: the taken-down group's history, and a benign market group.
dx = "DataExport_2026-01-18/"
old_avatar = photo(dx + "chats/chat_1/", 1, -300, "avatar-1", 320, 320)
old_avatar["photo"] = "chats/chat_1/" + old_avatar["photo"]
old_pic = photo(dx + "chats/chat_1/", 2, -290, "shared-1")
old_pic["photo"] = "chats/chat_1/" + old_pic["photo"]
tertulia = chat("Tertulia (demo)", "private_supergroup", 1000000103, [
    svc(1, -310, OWNER, "create_channel", title="Tertulia (demo)"),
    svc(2, -300, OWNER, "edit_group_photo", photo=old_avatar["photo"], width=320, height=320),
    msg(3, -295, ADMIN, "bienvenidos, aquí se comparte de todo"),
    msg(4, -290, b, "", **old_pic),
    msg(5, -289, c, "la de la foto, llamadla al 612345678"),
])
market_pics = [photo(dx + "chats/chat_2/", n, m, img) for n, m, img in ((1, 30, "market-bike"), (2, 33, "market-lamp"))]
for p in market_pics:
    p["photo"] = "chats/chat_2/" + p["photo"]
mercadillo = chat("Mercadillo Chamberí (demo)", "private_supergroup", 1000000105, [
    msg(50, 30, e, "Vendo bici de paseo, 80 €, recogida en Chamberí", **market_pics[0]),
    msg(51, 31, a, "¿Sigue disponible?"),
    msg(52, 32, e, "Sí, hasta el domingo"),
    msg(53, 33, b, "Lámpara de pie, 15 €", **market_pics[1]),
    msg(54, 34, c, "Me interesa la lámpara, ¿a qué hora se puede pasar?"),
])
root = {
    "about": "Here is the data you requested. Synthetic demo data: every name, id and number is made up.",
    "personal_information": {"user_id": 6100000099, "first_name": "Analyst", "last_name": "Demo",
                             "phone_number": "+34 600 000 000"},
    "chats": {"about": "This page lists all chats from this export.",
              "list": [chat("Analyst Demo", "saved_messages", 6100000099, [msg(1, 0, ("Analyst Demo", "user6100000099"), "notas")]),
                       tertulia, mercadillo]},
}
write(dx, root)

with open(os.path.join(OUT, "images.tsv"), "w", encoding="utf-8") as f:
    f.write("# file in the export\tdemo image (drawn at start: benign gradients and shapes)\n")
    for path, image in images:
        f.write(path + "\t" + image + "\n")

groups = [
    {"chatId": "-1001000000101", "memberCount": 81300, "visibility": "public", "username": "novidades_lisboa_demo", "languageHint": "pt", "countryHint": "PT"},
    {"chatId": "-1001000000102", "memberCount": 48200, "visibility": "public", "username": "quedadas_madrid_demo", "languageHint": "es", "countryHint": "ES",
     "adminIds": ["user6100000002"]},
    {"chatId": "-1001000000103", "memberCount": 23900, "status": "taken_down", "takenDownAt": "2026-01-14T09:00:00Z",
     "ownerId": "user6100000001", "adminIds": ["user6100000001", "user6100000002"], "inviteLinks": ["https://t.me/+TertuliaDemo"],
     "languageHint": "es", "countryHint": "ES", "strikeCount": 3},
    {"chatId": "-1001000000104", "memberCount": 9400, "ownerId": "user6100000001", "adminIds": ["user6100000001", "user6100000002"],
     "inviteLinks": ["https://t.me/+TertuliaNuevaDemo"], "languageHint": "es", "countryHint": "ES"},
    {"chatId": "-1001000000105", "memberCount": 640, "languageHint": "es", "countryHint": "ES"},
]
with open(os.path.join(OUT, "groups.jsonl"), "w", encoding="utf-8") as f:
    for g in groups:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
print("wrote", OUT, len(images), "images")
