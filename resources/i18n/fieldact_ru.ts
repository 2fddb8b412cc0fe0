<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="299" />
        <source>Choose an act in the list.</source>
        <translation>Выберите акт в списке.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="308" />
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="308" />
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="308" />
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="308" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="316" />
        <source>Act</source>
        <translation>Акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="317" />
        <source>Audit trail</source>
        <translation>Журнал событий</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="322" />
        <source>Checking act {number}…</source>
        <translation>Проверяется акт {number}…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="349" />
        <source>Act {number} v{version}: the stored PDF and content are the ones signed (SHA-256 {digest}…).</source>
        <translation>Акт {number} в.{version}: сохранённые PDF и содержание — те, что подписаны (SHA-256 {digest}…).</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="352" />
        <source>The standard: not measured for this visit.</source>
        <translation>Стандарт: для этого визита не измерялся.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="362" />
        <source>The act could not be opened ({error}). Check the connection to the database and try again.</source>
        <translation>Акт не открылся ({error}). Проверьте связь с базой данных и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>ActsModel</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="116" />
        <source>Signed</source>
        <translation>Подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="117" />
        <source>Act</source>
        <translation>Акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="118" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="119" />
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="120" />
        <source>Subscriber</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="121" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="122" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="123" />
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
</context>
<context>
    <name>ActsScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="389" />
        <source>Signed acts</source>
        <translation>Подписанные акты</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="396" />
        <source>Export selected…</source>
        <translation>Выгрузить выбранные…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="397" />
        <source>Export all found…</source>
        <translation>Выгрузить все найденные…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="398" />
        <source>Materials report…</source>
        <translation>Отчёт о материалах…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="450" />
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="469" />
        <source>More than {count} acts found</source>
        <translation>Найдено больше {count} актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="471" />
        <source>Acts found: {count}</source>
        <translation>Найдено актов: {count}</translation>
    </message>
</context>
<context>
    <name>BranchPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="32" />
        <source>Describe the situation in detail</source>
        <translation>Подробно опишите ситуацию</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="37" />
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="41" />
        <source>{title}: recorded</source>
        <translation>{title}: записано</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="65" />
        <source>The time the subscriber asks for:</source>
        <translation>Время, которое просит Абонент:</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="110" />
        <source>Call now: {role}{phone}</source>
        <translation>Позвоните сейчас: {role}{phone}</translation>
    </message>
</context>
<context>
    <name>ChannelsEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="97" />
        <source>Channels shown, separated by commas (at least {n})</source>
        <translation>Показанные каналы через запятую (не меньше {n})</translation>
    </message>
</context>
<context>
    <name>DayScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="45" />
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="96" />
        <source>{name}, visits for {date}</source>
        <translation>{name}, визиты на {date}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="108" />
        <source>Acts are kept on this tablet (no office database set up)</source>
        <translation>Акты хранятся на планшете (офисная база не настроена)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="110" />
        <source>Not synced yet · waiting: {n}</source>
        <translation>Ещё не синхронизировано · ждут отправки: {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="113" />
        <source>Synced {when} · waiting: {n}</source>
        <translation>Синхронизировано {when} · ждут отправки: {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="115" />
        <source>problems: {n}, the office is told</source>
        <translation>проблем: {n}, офис оповещён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="130" />
        <source>Rules for the whole day ({n})</source>
        <translation>Правила на весь день ({n})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="137" />
        <source>Before the first visit</source>
        <translation>Перед первым визитом</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="141" />
        <source>Done, start the day</source>
        <translation>Готово, начать день</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="154" />
        <source>No visits planned for today.</source>
        <translation>На сегодня визитов нет.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="162" />
        <source>from {time}, no exact time</source>
        <translation>с {time}, без точного времени</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="172" />
        <source>When do you expect to arrive? The pre-call comes an hour before.</source>
        <translation>Когда Вы рассчитываете прийти? Предварительный звонок — за час до этого.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="178" />
        <source>expected {time}</source>
        <translation>ожидается в {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="224" />
        <source>Time to call {name}</source>
        <translation>Пора позвонить: {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="270" />
        <source>Set</source>
        <translation>Указать</translation>
    </message>
</context>
<context>
    <name>DebrisEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="180" />
        <source>The debris is removed</source>
        <translation>Мусор убран</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="40" />
        <source>Your copy of the act</source>
        <translation>Ваш экземпляр акта</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="46" />
        <source>Scan the code with your phone's camera to open your personal account.</source>
        <translation>Наведите камеру телефона на код, чтобы открыть личный кабинет.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="56" />
        <source>Finish the visit</source>
        <translation>Завершить визит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="101" />
        <source>24-hour information centre: {phone}</source>
        <translation>Круглосуточный информационный центр: {phone}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="102" />
        <source>Act {number} is signed. Thank you!</source>
        <translation>Акт {number} подписан. Спасибо!</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="102" />
        <source>Act {number}: refusal recorded.</source>
        <translation>Акт {number}: отказ от подписи записан.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="122" />
        <source>Wishes: </source>
        <translation>Пожелания: </translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="141" />
        <source>Closing: {n} still open</source>
        <translation>Завершение: не отмечено {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="141" />
        <source>Closing done.</source>
        <translation>Завершение контакта отмечено.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="58" />
        <source>The tablet's storage is full. Nothing entered is lost: free some space or call support.</source>
        <translation>Память планшета заполнена, нет места. Введённое не потеряно: освободите место или позвоните в поддержку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="62" />
        <source>The database cannot be written (read-only). Call support; nothing entered is lost.</source>
        <translation>В базу данных нельзя записать (только чтение). Позвоните в поддержку; введённое не потеряно.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="66" />
        <source>The database did not answer. Try again; if it repeats, call support.</source>
        <translation>База данных не ответила. Повторите; если повторится — позвоните в поддержку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="67" />
        <source>Something went wrong ({error}). What you entered is kept; try again or call support.</source>
        <translation>Что-то пошло не так ({error}). Введённое сохранено на экране; повторите или позвоните в поддержку.</translation>
    </message>
</context>
<context>
    <name>EvidenceEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="238" />
        <source>Labels applied:</source>
        <translation>Наклеено бирок:</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="241" />
        <source>Holes filled (0: none drilled):</source>
        <translation>Замазано отверстий (0 — не сверлили):</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="245" />
        <source>The agreed route: on the landing and in the flat</source>
        <translation>Согласованная трасса: по площадке и по квартире</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="250" />
        <source>Tariff activated</source>
        <translation>Активированный тариф</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="84" />
        <source>Export acts</source>
        <translation>Выгрузка актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="87" />
        <source>Export {count} act(s)</source>
        <translation>Выгрузить актов: {count}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="89" />
        <source>Each act is checked against its hashes first; the PDFs are written as stored, with a manifest.</source>
        <translation>Каждый акт сначала сверяется со своими хешами; PDF записываются такими, как сохранены, вместе с манифестом.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="92" />
        <source>A folder, or a file ending in .zip</source>
        <translation>Папка или файл с расширением .zip</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="93" />
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="94" />
        <source>ZIP file…</source>
        <translation>Файл ZIP…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="98" />
        <source>No register</source>
        <translation>Без реестра</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="99" />
        <source>Register as CSV (Excel)</source>
        <translation>Реестр в CSV (Excel)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="100" />
        <source>Register as XLSX</source>
        <translation>Реестр в XLSX</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="109" />
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="110" />
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="111" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="121" />
        <source>Where</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="125" />
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="144" />
        <source>Folder for the acts</source>
        <translation>Папка для актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="149" />
        <source>ZIP file for the acts</source>
        <translation>Файл ZIP для актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="157" />
        <source>Choose a folder or a ZIP file to export to.</source>
        <translation>Выберите папку или файл ZIP для выгрузки.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="176" />
        <source>Checking and writing the acts…</source>
        <translation>Акты проверяются и записываются…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="185" />
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="191" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="200" />
        <source>The export was cancelled: nothing was written.</source>
        <translation>Выгрузка отменена: ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="220" />
        <source>The export failed ({error}); nothing was left half written. Try again, or call support.</source>
        <translation>Выгрузка не удалась ({error}); ничего не записано наполовину. Попробуйте ещё раз или позвоните в поддержку.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="207" />
        <source>All technicians</source>
        <translation>Все техники</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="211" />
        <source>Contract number</source>
        <translation>Номер договора</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="213" />
        <source>Subscriber: surname, name</source>
        <translation>Абонент: фамилия, имя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="215" />
        <source>Any kind</source>
        <translation>Любой вид</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="219" />
        <source>Any service</source>
        <translation>Любая услуга</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="223" />
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="226" />
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="237" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="239" />
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="33" />
        <source> (when it applies)</source>
        <translation> (по ситуации)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="42" />
        <source>Why? A few words</source>
        <translation>Почему? Несколько слов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="43" />
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="44" />
        <source>Not applicable</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="45" />
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="46" />
        <source>Save the reason</source>
        <translation>Сохранить причину</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="47" />
        <source>Change</source>
        <translation>Изменить</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="26" />
        <source>Who is working today?</source>
        <translation>Кто сегодня работает?</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="33" />
        <source>The service standard</source>
        <translation>Стандарт обслуживания</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="35" />
        <source>Another technician</source>
        <translation>Другой техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="92" />
        <source>No technician on this tablet yet. Connect it to the network: the technician whose login the tablet has appears here after the first sync, with his orders. If nobody appears, ask the office to enrol him (fieldact central technician) and to give this tablet his login.</source>
        <translation>На этом планшете ещё нет техников. Подключите его к сети: техник, чей вход задан на планшете, появится здесь после первой синхронизации вместе со своими заявками. Если никто не появился, попросите офис внести техника (fieldact central technician) и выдать планшету его вход.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="99" />
        <source>No technician on this tablet yet, and no office database is set up. Ask support to enrol the technician in the office database and to give this tablet its login (central.toml); he then appears here after the first sync. For training: fieldact demo fills in demo technicians.</source>
        <translation>На этом планшете ещё нет техников, и база офиса не настроена. Попросите поддержку внести техника в базу офиса и выдать планшету его вход (central.toml); техник появится здесь после первой синхронизации. Для обучения: fieldact demo добавит демонстрационных техников.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="112" />
        <source>{name}, enter your PIN</source>
        <translation>{name}, введите PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="132" />
        <source>Too many wrong PINs. Only the office can unlock you now: call them.</source>
        <translation>Слишком много неверных PIN. Теперь разблокировать может только офис: позвоните туда.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="136" />
        <source>Too many wrong PINs. Try again after {time} or ask the office.</source>
        <translation>Слишком много неверных PIN. Попробуйте после {time} или обратитесь в офис.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="139" />
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>Неверный PIN. Осталось попыток: {count}.</translation>
    </message>
</context>
<context>
    <name>MaterialsDialog</name>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="256" />
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="295" />
        <source>Materials report</source>
        <translation>Отчёт о материалах</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="264" />
        <source>A file ending in .xlsx or .csv</source>
        <translation>Файл с расширением .xlsx или .csv</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="265" />
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="268" />
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="270" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="273" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="275" />
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="277" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="286" />
        <source>Materials used, per technician per day</source>
        <translation>Израсходованные материалы по техникам и дням</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="306" />
        <source>Choose the file for the report.</source>
        <translation>Выберите файл для отчёта.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="320" />
        <source>Saved: {path} ({count} line(s)).</source>
        <translation>Сохранено: {path} (строк: {count}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="333" />
        <source>The report could not be saved ({error}). Check the folder and try again.</source>
        <translation>Отчёт не сохранился ({error}). Проверьте папку и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="27" />
        <source>Material (e.g. UTP cable 5e)</source>
        <translation>Материал (например, кабель UTP 5e)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="30" />
        <source>quantity</source>
        <translation>количество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="36" />
        <source>unit</source>
        <translation>ед.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="37" />
        <source>Add material</source>
        <translation>Добавить материал</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="40" />
        <source>Remove selected</source>
        <translation>Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="48" />
        <source>Materials used</source>
        <translation>Израсходованные материалы</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="62" />
        <source>Enter the quantity as a number, e.g. 12,5.</source>
        <translation>Введите количество числом, например 12,5.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="67" />
        <source>Choose the unit of «{name}».</source>
        <translation>Выберите единицу для «{name}».</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="186" />
        <source>fieldact — office</source>
        <translation>fieldact — офис</translation>
    </message>
</context>
<context>
    <name>PasswordGate</name>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="85" />
        <source>Office</source>
        <translation>Офис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="87" />
        <source>Office password</source>
        <translation>Пароль офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="88" />
        <source>The same password again</source>
        <translation>Тот же пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="121" />
        <source>First start: choose the office password (at least 8 characters). It protects the acts.</source>
        <translation>Первый запуск: придумайте пароль офиса (не короче 8 знаков). Он защищает акты.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="123" />
        <source>Set the password</source>
        <translation>Задать пароль</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="125" />
        <source>Enter the office password.</source>
        <translation>Введите пароль офиса.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="126" />
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="162" />
        <source>Too many wrong passwords. Try again in {n} min.</source>
        <translation>Слишком много неверных паролей. Повторите через {n} мин.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="164" />
        <source>Wrong password.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="166" />
        <source>Wrong password. Tries left: {count}.</source>
        <translation>Неверный пароль. Осталось попыток: {count}.</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="24" />
        <source>What for (e.g. connection, cable, router)</source>
        <translation>За что (например, подключение, кабель, роутер)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="28" />
        <source>price, ₽</source>
        <translation>цена, ₽</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="29" />
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="33" />
        <source>Remove selected line</source>
        <translation>Удалить выбранную строку</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="34" />
        <source>cash received, ₽</source>
        <translation>получено наличными, ₽</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="35" />
        <source>change given, ₽ (0 if none)</source>
        <translation>выдано сдачи, ₽ (0, если без сдачи)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="37" />
        <source>BSO series and number, as on the form</source>
        <translation>Серия и номер БСО, как на бланке</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="40" />
        <source>Save the payment</source>
        <translation>Сохранить оплату</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="59" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="61" />
        <source>Change given</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="63" />
        <source>BSO number</source>
        <translation>Номер БСО</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="66" />
        <source>Payment (strict-reporting receipt)</source>
        <translation>Оплата (бланк строгой отчётности)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="67" />
        <source>Explain what the sum consists of before filling in the BSO.</source>
        <translation>Перед заполнением БСО объясните Абоненту, из чего складывается сумма.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="112" />
        <source>Total due: {total}</source>
        <translation>К оплате: {total}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="120" />
        <source>credited to the personal account: {sum}</source>
        <translation>на лицевой счёт: {sum}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="122" />
        <source>no change: write the BSO for the whole {sum}</source>
        <translation>без сдачи: БСО на всю сумму {sum}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="142" />
        <source>No payment recorded. Leave it so if the subscriber pays nothing at the visit.</source>
        <translation>Оплата не записана. Оставьте так, если Абонент ничего не платит при визите.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="151" />
        <source>Saved: total {total}, received {received}, change {change}, to the account {credited}, BSO {bso}</source>
        <translation>Сохранено: итого {total}, получено {received}, сдача {change}, на лицевой счёт {credited}, БСО {bso}</translation>
    </message>
</context>
<context>
    <name>PhoneEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="214" />
        <source>Phone number bound to the contract</source>
        <translation>Номер, привязанный к договору</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/pin_pad.py" line="21" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PrecallPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="27" />
        <source>Reached, the subscriber expects me</source>
        <translation>Дозвонился, Абонент ждёт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="28" />
        <source>Not reached</source>
        <translation>Не дозвонился</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="80" />
        <source>Not reached: {n} time(s). Call again.</source>
        <translation>Не дозвонился: {n} раз(а). Позвоните ещё раз.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="85" />
        <source>in the standard's time</source>
        <translation>вовремя по стандарту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="87" />
        <source>{n} min off the standard's time</source>
        <translation>на {n} мин не по времени стандарта</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="89" />
        <source>Called at {time}, {verdict}</source>
        <translation>Звонок в {time}, {verdict}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="91" />
        <source>Called at {time}</source>
        <translation>Звонок в {time}</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="49" />
        <location filename="../../src/fieldact/ui/review_screen.py" line="68" />
        <source>The act as it will be signed</source>
        <translation>Акт в том виде, в каком его подпишут</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="51" />
        <location filename="../../src/fieldact/ui/review_screen.py" line="71" />
        <source>Preparing the act…</source>
        <translation>Готовим акт…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="52" />
        <source>‹ Back to the visit</source>
        <translation>‹ Назад к визиту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="54" />
        <source>Hand the tablet to the subscriber</source>
        <translation>Передать планшет Абоненту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="76" />
        <source>{n} page(s). Comment on what the subscriber signs.</source>
        <translation>Страниц: {n}. Прокомментируйте Абоненту всё, что он подписывает.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="83" />
        <location filename="../../src/fieldact/ui/review_screen.py" line="91" />
        <source>Act {number} as stored</source>
        <translation>Акт {number}, как он сохранён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="86" />
        <source>{n} page(s).</source>
        <translation>Страниц: {n}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="96" />
        <source>This act was removed from the tablet after the retention period: the company's registry holds it, and the subscriber has his own copy.</source>
        <translation>Этот акт удалён с планшета по истечении срока хранения: он хранится в реестре компании, а у абонента есть свой экземпляр.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="137" />
        <source>Correct the act: enter your PIN</source>
        <translation>Исправление акта: введите свой PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="195" />
        <source>Technician: enter your PIN</source>
        <translation>Техник: введите PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="223" />
        <source>The act could not be saved ({error}). Nothing is lost: try again, or call support.</source>
        <translation>Акт не удалось сохранить ({error}). Ничего не потеряно: попробуйте ещё раз или позвоните в поддержку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="234" />
        <source>Locked. Enter your PIN</source>
        <translation>Заблокировано. Введите PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="269" />
        <source>Enter your PIN to close the app</source>
        <translation>Введите PIN, чтобы закрыть программу</translation>
    </message>
</context>
<context>
    <name>SignatureField</name>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="628" />
        <source>Undo</source>
        <translation>Отменить штрих</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="629" />
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="258" />
        <location filename="../../src/fieldact/ui/signature_pad.py" line="611" />
        <source>Signature pad</source>
        <translation>Поле для подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="591" />
        <source>Sign here</source>
        <translation>Подпишите здесь</translation>
    </message>
</context>
<context>
    <name>SigningScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="39" />
        <source>Your surname, first name and patronymic</source>
        <translation>Ваши фамилия, имя и отчество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="43" />
        <source>Sign the act</source>
        <translation>Подписать акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="45" />
        <source>I refuse to sign</source>
        <translation>Отказываюсь подписывать</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="47" />
        <source>Why do you refuse? The technician records it</source>
        <translation>Почему Вы отказываетесь? Техник запишет причину</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="48" />
        <source>Record the refusal</source>
        <translation>Записать отказ</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="49" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="52" />
        <source>Saving the signed act…</source>
        <translation>Сохраняем подписанный акт…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="99" />
        <source>{name}, please check the work and sign</source>
        <translation>{name}, проверьте, пожалуйста, работу и подпишите акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="111" />
        <source>Address: {address}, contract {contract}</source>
        <translation>Адрес: {address}, договор {contract}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="114" />
        <source>Services: {services}</source>
        <translation>Услуги: {services}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="115" />
        <source>Work items done: {n}</source>
        <translation>Выполнено пунктов работы: {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="128" />
        <source>Received {received}: for services {total}, change given {change}, to your personal account {credited}</source>
        <translation>Получено {received}: за услуги {total}, сдача {change}, на лицевой счёт {credited}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="141" />
        <source>By signing you confirm the work above.</source>
        <translation>Подписывая, Вы подтверждаете работы, перечисленные выше.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="151" />
        <source>Write your surname and first name under the signature.</source>
        <translation>Напишите под подписью свои фамилию и имя.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="165" />
        <source>Say why, in a few words.</source>
        <translation>Напишите причину в нескольких словах.</translation>
    </message>
</context>
<context>
    <name>SpeedEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="76" />
        <source>download</source>
        <translation>входящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="77" />
        <source>upload</source>
        <translation>исходящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="80" />
        <source>Down</source>
        <translation>Входящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="80" />
        <source>Up</source>
        <translation>Исходящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="83" />
        <source>Mbit/s</source>
        <translation>Мбит/с</translation>
    </message>
</context>
<context>
    <name>StandardScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="43" />
        <source>Service standard</source>
        <translation>Стандарт обслуживания</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="52" />
        <source>‹ Back</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="99" />
        <source>General rules</source>
        <translation>Общие правила</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="112" />
        <source>All day</source>
        <translation>Весь день</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="113" />
        <source>At the start of the day</source>
        <translation>В начале дня</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="114" />
        <source>Before leaving for the addresses</source>
        <translation>Перед выездом по адресам</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="143" />
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="149" />
        <source>Phrases</source>
        <translation>Фразы</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="149" />
        <source>Wishes</source>
        <translation>Пожелания (правило ППП)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="156" />
        <source>when it applies</source>
        <translation>по ситуации</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="158" />
        <source>if: {question}</source>
        <translation>если: {question}</translation>
    </message>
</context>
<context>
    <name>TestCallEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="112" />
        <source>Incoming call works</source>
        <translation>Входящий звонок проходит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="113" />
        <source>Outgoing call works</source>
        <translation>Исходящий звонок проходит</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="154" />
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="183" />
        <source>Too many wrong PINs. Only the office can unlock you now: call them.</source>
        <translation>Слишком много неверных PIN. Теперь разблокировать может только офис: позвоните туда.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="185" />
        <source>Too many wrong PINs. Wait a few minutes.</source>
        <translation>Слишком много неверных PIN. Подождите несколько минут.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="187" />
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>Неверный PIN. Осталось попыток: {count}.</translation>
    </message>
</context>
<context>
    <name>VisitScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="86" />
        <source>I am here</source>
        <translation>Я на месте</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="90" />
        <source>Open the act</source>
        <translation>Открыть акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="92" />
        <source>Correct the act</source>
        <translation>Исправить акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="117" />
        <source>What blocks signing?</source>
        <translation>Что мешает подписать?</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="119" />
        <source>‹ Day</source>
        <translation>‹ День</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="121" />
        <source>Next stage ›</source>
        <translation>Следующий этап ›</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="123" />
        <source>Review the act</source>
        <translation>Просмотреть акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="199" />
        <source>contract {number}</source>
        <translation>договор {number}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="218" />
        <source>Pre-call {time}</source>
        <translation>Звонок {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="221" />
        <source>Arrived {time}</source>
        <translation>На месте {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="235" />
        <source>on time</source>
        <translation>вовремя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="237" />
        <source>late by {n} min</source>
        <translation>опоздание {n} мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="238" />
        <source>early by {n} min</source>
        <translation>раньше на {n} мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="244" />
        <source>Signed: act {number}. Only shown; a change is a corrected act.</source>
        <translation>Подписан: акт {number}. Только просмотр; изменить можно исправленным актом.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="246" />
        <source>The subscriber refused to sign: act {number}. Only shown.</source>
        <translation>Абонент отказался подписать: акт {number}. Только просмотр.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="249" />
        <source>Rescheduled ({why}). Only shown.</source>
        <translation>Перенесён ({why}). Только просмотр.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="250" />
        <source>Cancelled. Only shown.</source>
        <translation>Отменён. Только просмотр.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="261" />
        <source>The phone number is copied.</source>
        <translation>Номер телефона скопирован.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="400" />
        <source>Answered by the pre-call's outcome below, with its time.</source>
        <translation>Отмечается итогом звонка (кнопки ниже) с его временем.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="401" />
        <source>Answered by «I am here», with its time.</source>
        <translation>Отмечается кнопкой «Я на месте» с её временем.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="447" />
        <source>Phrases: </source>
        <translation>Фразы: </translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="449" />
        <source>Wishes: </source>
        <translation>Пожелания: </translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="453" />
        <source>Rules of this stage ({n})</source>
        <translation>Правила этапа ({n})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="526" />
        <source>Not saved yet; the tablet keeps trying.</source>
        <translation>Не сохранено; планшет пробует снова.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="556" />
        <source>Ready to sign.</source>
        <translation>Можно подписывать.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="556" />
        <source>{n} open before signing</source>
        <translation>Не отмечено до подписания: {n}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="13" />
        <source>TV</source>
        <translation>Телевидение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="14" />
        <source>Internet</source>
        <translation>Интернет</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="15" />
        <source>Phone</source>
        <translation>Телефония</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="22" />
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="23" />
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="30" />
        <source>planned</source>
        <translation>запланирован</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="31" />
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="32" />
        <source>awaiting signature</source>
        <translation>ждёт подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="33" />
        <source>signed</source>
        <translation>подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="34" />
        <source>refused to sign</source>
        <translation>отказ от подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="35" />
        <source>rescheduled</source>
        <translation>перенесён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="36" />
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="43" />
        <source>not marked</source>
        <translation>не отмечено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="44" />
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="45" />
        <source>not applicable</source>
        <translation>не требуется</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="46" />
        <source>not done</source>
        <translation>не выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="56" />
        <source>arrival on time</source>
        <translation>прибытие вовремя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="58" />
        <source>arrival late by {n} min</source>
        <translation>опоздание {n} мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="60" />
        <source>arrival not recorded</source>
        <translation>прибытие не отмечено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="63" />
        <source>pre-call on time</source>
        <translation>звонок вовремя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="65" />
        <source>required items done</source>
        <translation>обязательные пункты выполнены</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="66" />
        <source>closing done</source>
        <translation>завершение контакта выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="71" />
        <source>Minutes per stage: {minutes}</source>
        <translation>Минут по этапам: {minutes}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="75" />
        <source>The standard:</source>
        <translation>Стандарт:</translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="46" />
        <source>signed</source>
        <translation>подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="47" />
        <source>refused to sign</source>
        <translation>отказ от подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="48" />
        <source>superseded</source>
        <translation>заменён исправленным</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="63" />
        <source>visit created</source>
        <translation>визит создан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="64" />
        <source>pre-call made</source>
        <translation>предварительный звонок</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="65" />
        <source>arrived</source>
        <translation>прибытие</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="66" />
        <source>checklist answer</source>
        <translation>ответ по пункту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="67" />
        <source>condition</source>
        <translation>условие</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="68" />
        <source>stage</source>
        <translation>этап</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="69" />
        <source>material added</source>
        <translation>материал добавлен</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="70" />
        <source>material removed</source>
        <translation>материал удалён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="71" />
        <source>payment</source>
        <translation>оплата</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="72" />
        <source>branch</source>
        <translation>отклонение от плана</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="73" />
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="74" />
        <source>act signed</source>
        <translation>акт подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="75" />
        <source>signature refused</source>
        <translation>отказ от подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="76" />
        <source>correction started</source>
        <translation>начато исправление</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="77" />
        <source>closing</source>
        <translation>завершение</translation>
    </message>
</context>
</TS>