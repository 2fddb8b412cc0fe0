<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>StandardScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="39" />
        <source>Service standard</source>
        <translation>Стандарт обслуживания</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="122" />
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="128" />
        <source>Phrases</source>
        <translation>Фразы</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="128" />
        <source>Wishes</source>
        <translation>Пожелания (правило ППП)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="135" />
        <source>when it applies</source>
        <translation>по ситуации</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="137" />
        <source>if: {question}</source>
        <translation>если: {question}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="12" />
        <source>TV</source>
        <translation>Телевидение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="13" />
        <source>Internet</source>
        <translation>Интернет</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="14" />
        <source>Phone</source>
        <translation>Телефония</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="21" />
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="22" />
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
</context>
</TS>