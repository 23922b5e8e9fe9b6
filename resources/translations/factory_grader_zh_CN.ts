<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../src/factory_grader/ui/about_dialog.py" line="14"/>
        <source>智能工厂梯度评估 — Smart-factory tier assessment</source>
        <translation>智能工厂梯度评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/about_dialog.py" line="24"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/about_dialog.py" line="28"/>
        <source>Third-party licences…</source>
        <translation>第三方软件许可…</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="37"/>
        <source>Evidence files: {id}</source>
        <translation>证据文件：{id}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="39"/>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="143"/>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="43"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="44"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="45"/>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="87"/>
        <source>Files are copied into the app&apos;s data folder; the copy is what counts.</source>
        <translation>文件会复制到本软件的数据文件夹，以复制件为准。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="99"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="104"/>
        <source>Copying {name}…</source>
        <translation>正在复制 {name}…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="114"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="131"/>
        <source>Remove evidence file</source>
        <translation>移除证据文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/attachments_dialog.py" line="132"/>
        <source>Remove {name} from this requirement?</source>
        <translation>从此要求中移除 {name}？</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="39"/>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="57"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="47"/>
        <source>Back up the data</source>
        <translation>备份数据</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="49"/>
        <source>Database backups (*.db)</source>
        <translation>数据库备份 (*.db)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="58"/>
        <source>That is the database itself. Choose another file name for the copy.</source>
        <translation>这是数据库文件本身。请为备份另选一个文件名。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="66"/>
        <source>Backup written</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="67"/>
        <source>A consistent copy of the data was written to {path}.</source>
        <translation>数据的完整一致副本已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="77"/>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="91"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="79"/>
        <source>Database backups (*.db);;All files (*)</source>
        <translation>数据库备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="94"/>
        <source>Replace all data with the backup {name}? The data as it is now is kept first in the backups folder beside the database. The app closes afterwards; open it again to work with the restored data.</source>
        <translation>用备份 {name} 替换全部数据？替换前，当前数据会先保存到数据库旁的 backups 文件夹。完成后本软件将关闭，请重新打开以使用恢复的数据。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="97"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="112"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/backup_actions.py" line="114"/>
        <source>The backup is restored. The data it replaced is kept as {kept}. The app closes now.</source>
        <translation>备份已恢复。被替换的数据已保存为 {kept}。本软件现在关闭。</translation>
    </message>
</context>
<context>
    <name>CompareCharts</name>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="63"/>
        <source>Factories</source>
        <translation>企业数</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="80"/>
        <source>Tiers by city</source>
        <translation>各市县梯度分布</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="87"/>
        <source>Maturity levels</source>
        <translation>成熟度等级分布</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="95"/>
        <source>Average level reached, by industry</source>
        <translation>各行业能力子域平均达到等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="102"/>
        <source>Score S against scenarios built</source>
        <translation>成熟度得分与已建场景数</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="103"/>
        <source>Scenarios built</source>
        <translation>已建场景数</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="122"/>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="133"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/compare_charts.py" line="135"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="134"/>
        <source>Compare submissions</source>
        <translation>汇总对比</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="137"/>
        <source>Add submission workbooks or whole folders (or drop them here). Each file is checked and rescored from its answers; edited and invalid files are marked. Double-click a row for the full result.</source>
        <translation>添加申报工作簿或整个文件夹（也可直接拖放到此处）。每个文件都会校验，并按其中的答题重新计分；导出后被修改或无效的文件会被标出。双击一行查看完整结果。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="142"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="143"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="144"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="145"/>
        <source>Export summary workbook…</source>
        <translation>导出汇总表…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="150"/>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="181"/>
        <source>City</source>
        <translation>市县</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="150"/>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="188"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="150"/>
        <source>Tier</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="150"/>
        <source>Status</source>
        <translation>完整性</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="155"/>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="156"/>
        <source>Search name, credit code, file</source>
        <translation>搜索企业名称、信用代码、文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="157"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="158"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="183"/>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="187"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="189"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="192"/>
        <source>Level</source>
        <translation>成熟度等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="197"/>
        <source>Tier applied for</source>
        <translation>申报等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="202"/>
        <source>Tier computed</source>
        <translation>自评梯度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="207"/>
        <source>Links covered</source>
        <translation>覆盖环节</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="212"/>
        <source>Scenarios built</source>
        <translation>已建场景数</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="216"/>
        <source>AI share</source>
        <translation>AI 场景占比</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="217"/>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="218"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="219"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="224"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="225"/>
        <source>edited after export</source>
        <translation>导出后被修改</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="226"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="227"/>
        <source>not recomputed (a summary without answers)</source>
        <translation>未重新计算（汇总表未附答题）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="228"/>
        <source>superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="229"/>
        <source>conflict: same revision, other answers</source>
        <translation>冲突：同一修订答题不同</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="251"/>
        <source>Add submission workbooks</source>
        <translation>添加申报工作簿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="253"/>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="259"/>
        <source>Add a folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="305"/>
        <source>Cancelled; the files read so far stay in the list.</source>
        <translation>已取消；已读取的文件保留在列表中。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="307"/>
        <source>Comparison stopped</source>
        <translation>汇总中断</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="340"/>
        <source>Clear the list?</source>
        <translation>清空列表？</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="341"/>
        <source>Remove all {n} rows from the list? The files are not touched.</source>
        <translation>从列表中移除全部 {n} 行？文件本身不受影响。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="372"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="422"/>
        <source>{listed} listed · {edited} edited · {invalid} invalid · {superseded} superseded</source>
        <translation>列入汇总 {listed} · 被修改 {edited} · 无效 {invalid} · 被替代 {superseded}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="431"/>
        <source> · {n} not recomputed</source>
        <translation> · 未重新计算 {n}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="434"/>
        <source>Read {done} of {total} files</source>
        <translation>已读取 {done} / {total} 个文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="461"/>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="480"/>
        <source>Export summary workbook</source>
        <translation>导出汇总表</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="462"/>
        <source>summary.xlsx</source>
        <translation>汇总表.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="463"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="479"/>
        <source>Writing the summary workbook…</source>
        <translation>正在写入汇总表…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="481"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="482"/>
        <source>The summary workbook was saved as
{path}</source>
        <translation>汇总表已保存为
{path}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/compare_page.py" line="483"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>ConditionsPage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="34"/>
        <source>Conditions</source>
        <translation>要素条件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="45"/>
        <source>{source}; confidence: {confidence}</source>
        <translation>{source}；可信度：{confidence}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="60"/>
        <source>Eligibility (every tier)</source>
        <translation>基本条件（各梯度通用）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="68"/>
        <source>Whole tier</source>
        <translation>整个梯度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="75"/>
        <source>{tier}: construction and results</source>
        <translation>{tier}：建设内容与成效</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="78"/>
        <source>Required: the items of the stages this tier must cover ({links}), the results item and whole-tier items. Items of other stages are optional and never block the tier.</source>
        <translation>必需：本梯度须覆盖的环节（{links}）的建设内容、建设成效，以及不分环节的整体要求。其他环节的内容为可选，不影响是否达到本梯度。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="112"/>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="112"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="124"/>
        <source>Not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="124"/>
        <source>Met</source>
        <translation>满足</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/conditions_page.py" line="124"/>
        <source>Not met</source>
        <translation>不满足</translation>
    </message>
</context>
<context>
    <name>ConflictValueDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="30"/>
        <source>Enter the final value</source>
        <translation>填写最终值</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="35"/>
        <source>Uses AI</source>
        <translation>应用 AI</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="44"/>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="57"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="45"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="52"/>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="61"/>
        <source>Use this value</source>
        <translation>使用此值</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflict_value_dialog.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="46"/>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="67"/>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="186"/>
        <source>Open conflicts</source>
        <translation>未解决的冲突</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="49"/>
        <source>Someone else changed these answers after you had loaded them, so your value was not saved. Choose the final value of each; an assessment with open conflicts cannot be finalised.</source>
        <translation>以下答案在您载入后被他人修改，因此您的值没有保存。请为每一项选定最终答案；存在未解决冲突的评估不能定稿。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="56"/>
        <source>Answer</source>
        <translation>答题项</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="57"/>
        <source>Value not saved (by, at)</source>
        <translation>未保存的值（谁、何时）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="68"/>
        <source>Use the value &amp;not saved</source>
        <translation>采用未保存的值(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="70"/>
        <source>&amp;Enter another value…</source>
        <translation>填写其他值(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="58"/>
        <source>Stored value</source>
        <translation>已保存的值</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="59"/>
        <source>Stored by, at</source>
        <translation>保存人、时间</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/conflicts_dialog.py" line="69"/>
        <source>&amp;Keep the stored value</source>
        <translation>保留已保存的值(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../src/factory_grader/ui/crash_dialog.py" line="73"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/crash_dialog.py" line="75"/>
        <source>Something went wrong that the app did not expect. Your saved answers are safe; the app keeps running. The details are in the log file.</source>
        <translation>出现了意外的错误。已保存的答案不受影响，应用可以继续使用。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/crash_dialog.py" line="83"/>
        <source>&amp;Copy details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/crash_dialog.py" line="87"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
</context>
<context>
    <name>DataFolderActions</name>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="29"/>
        <source>The data is in that folder already.</source>
        <translation>数据已在该文件夹中。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="30"/>
        <source>Choose a folder outside the current data folder.</source>
        <translation>请选择当前数据文件夹以外的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="31"/>
        <source>The folder is not empty. Choose an empty or a new folder.</source>
        <translation>该文件夹不是空的。请选择空文件夹或新建文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="33"/>
        <source>That folder is on a network share. The database needs a local disk or a USB stick: on a share it can be damaged or stay locked. For a team, use a shared PostgreSQL server instead.</source>
        <translation>该文件夹位于网络共享上。数据库需要本地磁盘或 U 盘：放在网络共享上可能损坏或一直被锁定。团队共用请改用共享的数据库服务器。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="35"/>
        <source>The app cannot write to that folder.</source>
        <translation>本软件无法写入该文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="37"/>
        <source>The data is on a database server, not in a folder; there is nothing to move.</source>
        <translation>数据在数据库服务器上，不在文件夹中，无需移动。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="40"/>
        <source>The app was started with another database (--db); only the data folder&apos;s own database is moved.</source>
        <translation>本软件是用其他数据库（--db）启动的；只能移动数据文件夹中自己的数据库。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="43"/>
        <source>The data folder is not there (is the USB stick plugged in?), so there is nothing to move.</source>
        <translation>数据文件夹不存在（U 盘是否已插入？），没有可移动的数据。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="45"/>
        <source>That is a file, not a folder.</source>
        <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="47"/>
        <source>The disk is full: nothing was moved, and the partial copy was removed.</source>
        <translation>磁盘已满：没有移动任何数据，已删除不完整的副本。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="50"/>
        <source>The copy could not be written: nothing was moved, and the partial copy was removed.</source>
        <translation>副本无法写入：没有移动任何数据，已删除不完整的副本。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="53"/>
        <source>The copy did not match the original, so nothing was switched; the data stays where it was.</source>
        <translation>复制件与原件核对不一致，因此没有切换；数据仍在原位置。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="64"/>
        <source>Move the data to a folder</source>
        <translation>将数据移动到文件夹</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="73"/>
        <source>Cannot move there</source>
        <translation>无法移动到该位置</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="76"/>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="94"/>
        <source>Move the data</source>
        <translation>移动数据</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="79"/>
        <source>Copy the database, evidence files and settings from {old} to {new}, check the copy (every row, every evidence file), then use the new folder? The old folder is kept as it is until you remove it. The app closes afterwards; open it again to go on.</source>
        <translation>将数据库、证据文件和设置从 {old} 复制到 {new}，逐行、逐个证据文件核对复制件，然后改用新文件夹？原文件夹保持不变，直到您自行删除。完成后本软件将关闭，请重新打开继续。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="82"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="92"/>
        <source>Copying and checking the data…</source>
        <translation>正在复制并核对数据…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="107"/>
        <source>Data moved</source>
        <translation>数据已移动</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="109"/>
        <source>The data is now in {new} (checked: {rows} rows, {evidence} evidence files). The old copy stays in {old} until you remove it. The app closes now.</source>
        <translation>数据现位于 {new}（已核对：{rows} 行记录、{evidence} 个证据文件）。旧副本保留在 {old}，直到您自行删除。本软件现在关闭。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/data_folder_actions.py" line="122"/>
        <source>Not moved</source>
        <translation>未移动</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/diagnostics_dialog.py" line="22"/>
        <source>Diagnostics</source>
        <translation>诊断信息</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/diagnostics_dialog.py" line="24"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/diagnostics_dialog.py" line="27"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/diagnostics_dialog.py" line="59"/>
        <source>The forms are still loading; try again in a moment.</source>
        <translation>问卷数据仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/diagnostics_dialog.py" line="66"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/entry_dialog.py" line="24"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/entry_dialog.py" line="38"/>
        <source>Check: ok. What the workbook shows is what its answers give (a self-assessment: the answers themselves are the factory&apos;s declaration).</source>
        <translation>校验：正常。工作簿显示的内容与其中的答题计算结果一致（自评：答题本身由企业声明负责）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/entry_dialog.py" line="40"/>
        <source>Integrity: EDITED after export.</source>
        <translation>完整性：导出后被修改。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/entry_dialog.py" line="41"/>
        <source>Integrity: INVALID, not a readable submission.</source>
        <translation>完整性：无效，不是可读取的申报工作簿。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/entry_dialog.py" line="43"/>
        <source>Not recomputed: the summary this row came from carries no answers, so its figures are copied as they were.</source>
        <translation>未重新计算：此行来自未附答题的汇总表，各项得分照录。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/entry_dialog.py" line="96"/>
        <source>This row comes from a summary workbook; open the original file for the full result.</source>
        <translation>此行来自汇总表；完整结果请打开原始文件。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="33"/>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="83"/>
        <source>Export submission workbook</source>
        <translation>导出申报工作簿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="39"/>
        <source>(not given)</source>
        <translation>（不填写）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="48"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="55"/>
        <source>The workbook is a self-assessment for the provincial submission; the official assessment is done on the national public platform.</source>
        <translation>工作簿为企业自评结果，用于省级申报；正式评估请在智能制造评估评价公共服务平台进行。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="67"/>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="115"/>
        <source>Tier applied for</source>
        <translation>申报等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="68"/>
        <source>Workbook language</source>
        <translation>工作簿语言</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="72"/>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="73"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="85"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="121"/>
        <source>The cover will say the claim is above the self-assessed tier.</source>
        <translation>封面上会注明申报梯度高于自评梯度。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="123"/>
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/export_dialog.py" line="124"/>
        <source>Change the claim</source>
        <translation>修改申报梯度</translation>
    </message>
</context>
<context>
    <name>FileJob</name>
    <message>
        <location filename="../../src/factory_grader/ui/file_job.py" line="52"/>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/file_job.py" line="56"/>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>FinalisePage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="62"/>
        <source>Check and finalise</source>
        <translation>检查并定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="63"/>
        <source>&amp;Finalise this revision…</source>
        <translation>定稿此版本(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="64"/>
        <source>Reopen as a new revision</source>
        <translation>重新打开为新版本</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="65"/>
        <source>Open &amp;conflicts…</source>
        <translation>处理冲突(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="66"/>
        <source>Items to check</source>
        <translation>待检查事项</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="86"/>
        <source>Unanswered: {number} {text}</source>
        <translation>未作答：{number} {text}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="95"/>
        <source>Marked for review: {number} {text}</source>
        <translation>待复核：{number} {text}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="104"/>
        <source>Condition not answered: {text}</source>
        <translation>条件未作答：{text}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="113"/>
        <source>Revision {rev} is final (since {when}). It can no longer change; reopen it to work on a new revision.</source>
        <translation>第 {rev} 版已定稿（{when}），不能再修改；如需修改，请重新打开为新版本。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="122"/>
        <source>{u} unanswered requirement(s), {f} marked for review, {c} condition(s) not answered. Unanswered requirements count as not met.</source>
        <translation>{u} 项要求未作答，{f} 项标记待复核，{c} 项条件未作答。未作答的要求按“不满足”计分。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="129"/>
        <source>{n} open conflict(s): someone else changed these answers after you; choose the final values before finalising.</source>
        <translation>{n} 个未解决的冲突：这些答案在您之后被他人修改；定稿前请先选定最终答案。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="141"/>
        <source>Click to go where this is answered</source>
        <translation>点击前往作答的位置</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="162"/>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="170"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="164"/>
        <source>This revision has {n} open conflict(s). Choose the final value of each first (Open conflicts…).</source>
        <translation>本版本有 {n} 个未解决的冲突。请先选定每一项的最终答案（处理冲突…）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="172"/>
        <source>Freeze revision {rev}? Its answers can no longer change; to change them later you reopen it as a new revision.</source>
        <translation>确定将第 {rev} 版定稿？定稿后答案不能再修改；以后如需修改，请重新打开为新版本。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="189"/>
        <source>Finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="192"/>
        <source>Revision {rev} is final. Export the submission workbook now? (File → Export submission workbook… does it later too.)</source>
        <translation>第 {rev} 版已定稿。现在导出申报工作簿吗？（以后也可以用 文件 → 导出申报工作簿…）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="195"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="196"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="212"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="214"/>
        <source>Reopening creates revision {new}, a draft with the answers of revision {rev}, to change and finalise again. Revision {rev} stays final as it is. Reopen?</source>
        <translation>重新打开会新建第 {new} 版：一份带有第 {rev} 版全部答案的草稿，可以修改后再次定稿。第 {rev} 版保持定稿不变。要重新打开吗？</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/finalise_page.py" line="230"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/help_dialogs.py" line="66"/>
        <source>User manual</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/help_dialogs.py" line="72"/>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="37"/>
        <source>Importing {n} files…</source>
        <translation>正在导入 {n} 个文件…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="38"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="71"/>
        <source>{n} of {total} files imported as new drafts.</source>
        <translation>{total} 个文件中 {n} 个已导入为新的草稿。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="75"/>
        <source>{n} of them were changed after export: their answers were imported and rescored; check them.</source>
        <translation>其中 {n} 个导出后被修改过：已导入其中的答题并重新计算，请核对。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="81"/>
        <source>{n} could not be imported (see the details).</source>
        <translation>{n} 个无法导入（见详细信息）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="85"/>
        <source>Stopped: {n} files were not tried.</source>
        <translation>已停止：{n} 个文件未导入。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="91"/>
        <source>{file}: not imported: {why}</source>
        <translation>{file}：未导入：{why}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="93"/>
        <source>{file}: imported; changed after export: {why}</source>
        <translation>{file}：已导入；导出后被修改过：{why}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="97"/>
        <source>{file}: imported</source>
        <translation>{file}：已导入</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/import_runner.py" line="101"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>JumpTree</name>
    <message>
        <location filename="../../src/factory_grader/ui/jump_tree.py" line="82"/>
        <source>Fix →</source>
        <extracomment>the page (a PageName) and what on it (Controller.reveal)</extracomment>
        <translation>去修改 →</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/jump_tree.py" line="84"/>
        <source>Go to where this is changed (or press Enter)</source>
        <translation>前往修改的位置（也可按回车）</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/licences_dialog.py" line="22"/>
        <source>Third-party software licences</source>
        <translation>第三方软件许可</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/licences_dialog.py" line="47"/>
        <source>(no licence text comes with this package)</source>
        <translation>（此软件包未附许可文本）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="294"/>
        <source>智能工厂梯度评估 — Smart-factory tier assessment</source>
        <translation>智能工厂梯度评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="245"/>
        <source>Factories</source>
        <translation>工厂与评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="246"/>
        <source>Profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="247"/>
        <source>Questionnaire</source>
        <translation>成熟度问卷</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="248"/>
        <source>Scenarios</source>
        <translation>典型场景</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="249"/>
        <source>Conditions</source>
        <translation>要素条件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="250"/>
        <source>Workshop</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="251"/>
        <source>Results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="252"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="261"/>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="270"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="271"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="272"/>
        <source>&amp;Undo answer</source>
        <translation>撤销答题(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="273"/>
        <source>&amp;Redo answer</source>
        <translation>重做答题(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="274"/>
        <source>Open &amp;conflicts…</source>
        <translation>处理冲突(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="275"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="276"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="277"/>
        <source>&amp;Diagnostics…</source>
        <translation>诊断信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="278"/>
        <source>User &amp;manual</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="279"/>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="280"/>
        <source>&amp;New assessment…</source>
        <translation>新建评估(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="283"/>
        <source>Export management &amp;report (PDF)…</source>
        <translation>导出评估报告（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="284"/>
        <source>C&amp;lients and their assessments…</source>
        <translation>客户档案(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="285"/>
        <source>&amp;Compare submissions (officials)…</source>
        <translation>汇总对比（主管部门）(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="286"/>
        <source>&amp;Back up the data…</source>
        <translation>备份数据(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="287"/>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="301"/>
        <source>{factory} · revision {n} — {app}</source>
        <translation>{factory} · 第 {n} 版 — {app}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="330"/>
        <source>⚠ The database is on a network share, where it can be damaged or stay locked: move the data to a local folder (Settings → Data folder).</source>
        <translation>⚠ 数据库位于网络共享上，可能损坏或一直被锁定：请将数据移动到本地文件夹（设置 → 数据文件夹）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="341"/>
        <source>Not saved: {fields} (correct the value)</source>
        <translation>未保存：{fields}（请改正）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="370"/>
        <source>Revision {rev} is final: it can be read but not changed. To change it, reopen it as a new revision on the Finalise page.</source>
        <translation>第 {rev} 版已定稿：只能查看，不能修改。要修改，请在“定稿”页重新打开为新版本。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="503"/>
        <source>⚠ {n} open conflict(s)…</source>
        <translation>⚠ {n} 个冲突待处理…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="516"/>
        <source>Undone: {item}</source>
        <translation>已撤销：{item}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="516"/>
        <source>Redone: {item}</source>
        <translation>已重做：{item}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/error_words.py" line="17"/>
        <source>The questionnaire or rule data of this revision changed since its answers were given. See what changes (results page: See what changes and update…) and update before finalising.</source>
        <translation>本版本所用的问卷或规则数据在作答后已被改动。请先在评估结果页“查看变化并更新…”，更新后再定稿。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/error_words.py" line="22"/>
        <source>This revision has open conflicts. Choose the final value of each first (Open conflicts…).</source>
        <translation>本版本有未解决的冲突。请先选定每一项的最终答案（处理冲突…）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="599"/>
        <source>Import answers file or submission workbook</source>
        <translation>导入答题文件或申报工作簿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="601"/>
        <source>Answers files and submission workbooks (*.json *.xlsx);;All files (*)</source>
        <translation>答题文件和申报工作簿 (*.json *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="640"/>
        <source>Imported an edited workbook</source>
        <translation>导入的工作簿已被修改</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="642"/>
        <source>This workbook was changed after it was exported:
{why}

Its answers were imported as a draft and rescored; check them.</source>
        <translation>该工作簿在导出后被修改过：
{why}

其答题已作为草稿导入并重新计分，请核对。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="671"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="672"/>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在，是否替换？</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="689"/>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="690"/>
        <source>Export submission workbook</source>
        <translation>导出申报工作簿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="686"/>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="691"/>
        <location filename="../../src/factory_grader/ui/main_window.py" line="729"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="692"/>
        <source>The workbook was saved as
{path}</source>
        <translation>工作簿已保存为
{path}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="693"/>
        <location filename="../../src/factory_grader/ui/main_window.py" line="731"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="288"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="289"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="290"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="323"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="263"/>
        <location filename="../../src/factory_grader/ui/main_window.py" line="334"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="253"/>
        <source>Compare</source>
        <translation>汇总对比</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="281"/>
        <source>&amp;Import answers file or workbook…</source>
        <translation>导入答题文件或工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="282"/>
        <source>&amp;Export submission workbook…</source>
        <translation>导出申报工作簿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="348"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="348"/>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="488"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="500"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="548"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="550"/>
        <source>{who} changed this answer at {when} to {theirs}. Your value {yours} was not saved; it is kept as an open conflict. The screen now shows the stored answer.</source>
        <translation>{who} 已于 {when} 将此答案改为 {theirs}。您的值 {yours} 未保存，已作为待处理冲突保留。界面现显示已保存的答案。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="562"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="707"/>
        <source>{factory}-assessment-report.pdf</source>
        <translation>{factory}-评估报告.pdf</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="711"/>
        <location filename="../../src/factory_grader/ui/main_window.py" line="728"/>
        <source>Export management report</source>
        <translation>导出评估报告</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="711"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="727"/>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="730"/>
        <source>The report was saved as
{path}</source>
        <translation>报告已保存为
{path}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/main_window.py" line="797"/>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="25"/>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="33"/>
        <source>Discrete manufacturing</source>
        <translation>离散型制造</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="34"/>
        <source>Process manufacturing</source>
        <translation>流程型制造</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="49"/>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="50"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="52"/>
        <source>Industry type</source>
        <translation>行业类型</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="53"/>
        <source>Rule set</source>
        <translation>评价规则</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/new_assessment_dialog.py" line="66"/>
        <source>Not a valid credit code: {why}</source>
        <translation>统一社会信用代码无效：{why}</translation>
    </message>
</context>
<context>
    <name>ParticipantsDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="56"/>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="69"/>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="242"/>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="59"/>
        <source>Sub-domains: the sub-domains, domains or elements this person is asked about, separated by 、 or ; (empty: every requirement).</source>
        <translation>负责子域：此人负责评分的能力子域、能力域或能力要素，用“、”或“；”分隔（留空：全部要求）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="65"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="65"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="65"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="65"/>
        <source>Sub-domains</source>
        <translation>负责子域</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="72"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="74"/>
        <source>&amp;Remove selected</source>
        <translation>删除所选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="76"/>
        <source>Read a &amp;CSV file…</source>
        <translation>读入 CSV 名单(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="78"/>
        <source>Sub-domains from the &amp;department</source>
        <translation>按部门填入负责子域(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="81"/>
        <source>Fill the empty sub-domain cells from each department&apos;s name (生产部 → 生产&apos;s sub-domains)</source>
        <translation>按各人部门名称填入空着的负责子域（如“生产部”→ 生产能力域的各子域）；已填写的不变</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="139"/>
        <source>Remove participants?</source>
        <translation>删除参与人？</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="141"/>
        <source>{names} returned grades. Removing them removes their grades too. Remove?</source>
        <translation>{names}已交回评分。删除参与人会同时删除其评分。确定删除吗？</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="169"/>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="177"/>
        <source>Participants list</source>
        <translation>参与人名单</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/participants_dialog.py" line="169"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>PathList</name>
    <message>
        <location filename="../../src/factory_grader/ui/path_list.py" line="76"/>
        <source>Nothing left to raise: every requirement is fully met.</source>
        <extracomment>the ticked steps changed</extracomment>
        <translation>没有可再提升的要求：每条都已全部满足。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/path_list.py" line="137"/>
        <source>Use AI in built scenarios</source>
        <translation>为已建场景应用人工智能</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/path_list.py" line="141"/>
        <source>Conditions to meet</source>
        <translation>需满足的条件</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/path_list.py" line="143"/>
        <source>Raises that still lift S, best first</source>
        <translation>还能提高 S 的提升，效果大的在前</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/path_list.py" line="144"/>
        <source>Other raises that help, best first (not needed for the next tier)</source>
        <translation>其他有帮助的提升，效果大的在前（达到下一梯度不必需）</translation>
    </message>
</context>
<context>
    <name>PortfolioDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="48"/>
        <source>Clients and their assessments</source>
        <extracomment>the user wants this assessment opened (the window opens it)</extracomment>
        <translation>客户档案</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="50"/>
        <source>Factories</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="53"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="56"/>
        <source>Revision</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="56"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="56"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="56"/>
        <source>Tier</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="62"/>
        <source>Assessments over time</source>
        <translation>历次评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="65"/>
        <source>What &amp;changed between two…</source>
        <translation>比较两次的变化(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="67"/>
        <source>&amp;Open the selected one</source>
        <translation>打开所选评估(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="111"/>
        <source>{name} · {n} assessments</source>
        <translation>{name} · {n} 次评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="114"/>
        <source>No assessments stored yet.</source>
        <translation>还没有保存的评估。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="140"/>
        <source>final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="140"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="143"/>
        <source>{id} · revision {rev} ({status})</source>
        <translation>{id} · 第 {rev} 版（{status}）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/portfolio_dialog.py" line="167"/>
        <source>Trend of S</source>
        <translation>S 的变化趋势</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="122"/>
        <source>Only those needing discussion</source>
        <extracomment>the window was closed (Esc): the workshop page shows what was agreed meanwhile what is agreed, as it changes here (the board holds what was loaded)</extracomment>
        <translation>只看需要讨论的</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="124"/>
        <source>All with grades</source>
        <translation>全部有评分的</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="128"/>
        <source>Agreed answer: {choices}
←/→ move · D: {which} · Esc leaves</source>
        <translation>设定商定答案：{choices}
←/→ 翻页 · D：{which} · Esc 退出</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="130"/>
        <source>show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="132"/>
        <source>only disagreements</source>
        <translation>只看分歧</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="137"/>
        <source>Nothing to show.</source>
        <translation>没有可显示的要求。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="144"/>
        <source>Evidence: {text}</source>
        <translation>证据提示：{text}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/presenter.py" line="148"/>
        <source>Proposed: {proposed} · Agreed: {agreed}</source>
        <translation>建议：{proposed} · 商定：{agreed}</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="186"/>
        <source>Company name</source>
        <extracomment>fields checked as typed (the city gets a note when it is on no list)</extracomment>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="187"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="188"/>
        <source>Registered address</source>
        <translation>注册地址</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="189"/>
        <source>City / county</source>
        <translation>市县</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="190"/>
        <source>Industry (GB/T 4754)</source>
        <translation>所属行业（GB/T 4754）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="191"/>
        <source>Company size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="192"/>
        <source>Why another size</source>
        <translation>规模调整理由</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="193"/>
        <source>Revenue, last 3 years (notes)</source>
        <translation>近3年营业收入（说明）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="194"/>
        <source>Revenue last year</source>
        <translation>上年度营业收入</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="195"/>
        <source>Employees</source>
        <translation>员工总数</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="196"/>
        <source>Main business / products</source>
        <translation>主营业务 / 主导产品</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="197"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="198"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="199"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="200"/>
        <source>Certifications and titles</source>
        <translation>资质与荣誉</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="207"/>
        <source>Enterprise profile</source>
        <translation>企业基本信息</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="208"/>
        <source>Industry type</source>
        <translation>行业类型</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="209"/>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="210"/>
        <source>Rule set</source>
        <translation>评价规则</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="211"/>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="212"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="213"/>
        <source>Discrete manufacturing</source>
        <translation>离散型制造</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="214"/>
        <source>Process manufacturing</source>
        <translation>流程型制造</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="215"/>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="216"/>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="217"/>
        <source>e.g. 2022: 21,000; 2023: 24,000</source>
        <translation>如：2022年 21000 万元；2023年 24000 万元</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="219"/>
        <source>Needed when the size differs from the rule&apos;s</source>
        <translation>所选规模与规则判定不同时必填</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="387"/>
        <source>Enter an amount in 10,000 yuan, e.g. 28000</source>
        <translation>请填写以万元为单位的金额，如 28000</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="389"/>
        <source>Enter a whole number of people, e.g. 420</source>
        <translation>请填写整数人数，如 420</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="391"/>
        <source>Say why the size differs from the rule&apos;s ({size})</source>
        <translation>请说明为什么与规则判定（{size}）不同</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="247"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="254"/>
        <source> (not on the list, kept as given)</source>
        <translation>（不在列表中，按原样保存）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="269"/>
        <source>Every domain weighs the same (default estimate)</source>
        <translation>各能力域等权（默认，估计值）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="313"/>
        <source> (as given)</source>
        <translation>（按原填写保留）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="339"/>
        <source>By the rule (enter employees and revenue)</source>
        <translation>按规则判定（请先填写员工总数和营业收入）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="341"/>
        <source>Enter the employees and last year&apos;s revenue: the size follows by the rule.</source>
        <translation>填写员工总数和上年度营业收入后，按规则自动判定规模。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="345"/>
        <source>By the rule: {size}</source>
        <translation>按规则判定：{size}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="347"/>
        <source>By the rule: {size} ({employees} people, {revenue} × 10,000 yuan).</source>
        <translation>按规则判定：{size}（{employees} 人，{revenue} 万元）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="369"/>
        <source>Not one of Hainan&apos;s cities and counties: kept as typed</source>
        <translation>不在海南省市县列表中：按所填原文保存</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="378"/>
        <source>Not a valid credit code: {why}</source>
        <translation>统一社会信用代码无效：{why}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="383"/>
        <source>Use digits, spaces, + ( ) and - only</source>
        <translation>只能包含数字、空格和 + ( ) -</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/profile_page.py" line="385"/>
        <source>Not an email address</source>
        <translation>邮箱地址格式不正确</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/qt_gaps.py" line="11"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/qt_gaps.py" line="12"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="106"/>
        <source>Search requirements (Ctrl+F)</source>
        <translation>搜索要求（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="107"/>
        <source>Next unanswered (N)</source>
        <translation>下一个未答（N）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="108"/>
        <source>Search requirements</source>
        <translation>搜索要求</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="109"/>
        <source>Questionnaire sections</source>
        <translation>问卷目录</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="110"/>
        <source>Questionnaire completeness</source>
        <translation>问卷完成度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="111"/>
        <source>%v of %m answered</source>
        <translation>已答 %v / %m</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="114"/>
        <source>Keys: 1 fully met, 2 mostly, 3 partly, 4 not met, 5 not applicable; J/K or ↓/↑ move. Every change is saved at once.</source>
        <translation>快捷键：1 全部满足，2 大部分满足，3 部分满足，4 不满足，5 不适用；J/K 或 ↓/↑ 切换。每次修改立即保存。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="209"/>
        <source>Search: {n} requirement(s)</source>
        <translation>搜索结果：{n} 项要求</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="303"/>
        <source>Revision {rev} is final and cannot change. To change answers, reopen it as a new revision (Finalise page).</source>
        <translation>第 {rev} 版已定稿，不能修改。要修改答案，请在“定稿”页重新打开为新版本。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/questionnaire_page.py" line="373"/>
        <source>Every requirement is answered.</source>
        <translation>所有要求均已作答。</translation>
    </message>
</context>
<context>
    <name>RadarView</name>
    <message>
        <location filename="../../src/factory_grader/ui/radar_view.py" line="37"/>
        <source>Radar chart of the 20 sub-domains</source>
        <extracomment>Below this the English spokes&apos; labels would touch (tests/ui/test_radar_labels.py).</extracomment>
        <translation>20 个能力子域雷达图</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/radar_view.py" line="68"/>
        <source>Level reached</source>
        <translation>已达等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/radar_view.py" line="70"/>
        <source>Once the ticked steps are done</source>
        <translation>完成勾选事项后</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/radar_view.py" line="72"/>
        <source>Level the tier reached needs</source>
        <translation>所达梯度要求的等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/radar_view.py" line="74"/>
        <source>Level the next tier needs</source>
        <translation>下一梯度所需等级</translation>
    </message>
</context>
<context>
    <name>RequirementRow</name>
    <message>
        <location filename="../../src/factory_grader/ui/requirement_row.py" line="113"/>
        <source>Evidence: {hint}</source>
        <extracomment>Keys 1–5, in the order the choices are shown. an answer key on a row that cannot change (a final revision): the page says why</extracomment>
        <translation>证据示例：{hint}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/requirement_row.py" line="119"/>
        <source>Comment (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/requirement_row.py" line="120"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/requirement_row.py" line="121"/>
        <source>Mark for review</source>
        <translation>标记待复核</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/requirement_row.py" line="122"/>
        <location filename="../../src/factory_grader/ui/requirement_row.py" line="140"/>
        <source>Evidence files ({n})…</source>
        <translation>证据文件（{n}）…</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../src/factory_grader/ui/result_panel.py" line="75"/>
        <source>Result (updates as you answer)</source>
        <translation>评估结果（随答题实时更新）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/result_panel.py" line="76"/>
        <source>Questionnaire completeness</source>
        <translation>问卷完成度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/result_panel.py" line="77"/>
        <source>%v of %m answered</source>
        <translation>已答 %v / %m</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/result_panel.py" line="80"/>
        <source>Self-assessment only: the official assessment is done on the national public platform (智能制造评估评价公共服务平台).</source>
        <translation>本结果仅为企业自评，正式评估请在智能制造评估评价公共服务平台进行。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/result_panel.py" line="93"/>
        <source>Open or create an assessment to see its result here.</source>
        <translation>打开或新建一个评估后，这里会显示它的实时结果。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/result_panel.py" line="119"/>
        <source>Next: {tier} — {count} condition(s) not yet met</source>
        <translation>下一级：{tier} — 尚有 {count} 项条件未满足</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="134"/>
        <source>Results and what to do next</source>
        <translation>评估结果与改进方向</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="135"/>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="136"/>
        <source>Tier ladder</source>
        <translation>梯度阶梯</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="137"/>
        <source>Path to the next tier</source>
        <translation>达到下一梯度的路径</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="138"/>
        <source>Weights of the sub-domains…</source>
        <translation>各能力子域权重…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="167"/>
        <source>: other raises that help (tick to see the effect)</source>
        <translation>：其他有帮助的提升（勾选可预览效果）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="172"/>
        <source> (tick steps to see the result once they are done)</source>
        <translation>（勾选事项，预览完成后的结果）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="201"/>
        <source>counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="201"/>
        <source>not counted</source>
        <translation>不计入</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="216"/>
        <source>Level scores</source>
        <translation>各级得分</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="216"/>
        <source>In S?</source>
        <translation>计入 S</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="217"/>
        <source>Rule set</source>
        <translation>评价规则</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="217"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="248"/>
        <source>Tick steps above to see S, level and tier once they are done.</source>
        <translation>勾选上面的事项，可预览完成后的 S、等级和梯度。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="255"/>
        <source>Once the {n} ticked step(s) are done: &lt;b&gt;{tier}&lt;/b&gt; · S = {s} · {level}</source>
        <translation>完成勾选的 {n} 项后：&lt;b&gt;{tier}&lt;/b&gt; · S = {s} · {level}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="214"/>
        <source>Stages covered by built scenarios: {n} of 5 ({names}); {ai} of {built} built scenarios use AI</source>
        <translation>已建场景覆盖环节 {n}/5（{names}）；已建 {built} 个场景中 {ai} 个应用 AI</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="153"/>
        <source>Tier reached: {tier}</source>
        <translation>所达梯度：{tier}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="289"/>
        <source>Final verdict (reached when finalised, with {form} {fv} and {rules} {rv}): {verdict}.</source>
        <translation>定稿结论（定稿时按 {form} {fv} 与 {rules} {rv} 得出）：{verdict}。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/results_page.py" line="299"/>
        <source>⚠ The data the verdict was reached with has changed; the figures below are recomputed, for reference only, and do not change the final verdict.</source>
        <translation>⚠ 得出定稿结论所用的数据已有变化；下方数字为重新计算的结果，仅供参考，不改变定稿结论。</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="38"/>
        <source>Compare revisions</source>
        <translation>修订对比</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="46"/>
        <source>Earlier revision</source>
        <translation>较早的版本</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="47"/>
        <source>Later revision</source>
        <translation>较新的版本</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="52"/>
        <source>Answers that differ</source>
        <translation>不同的答案</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="77"/>
        <source>final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="77"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="78"/>
        <source>Revision {rev} ({state})</source>
        <translation>第 {rev} 版（{state}）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="87"/>
        <source>Comparing…</source>
        <translation>正在对比…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="107"/>
        <source>{n} answer(s) differ</source>
        <translation>{n} 项答案不同</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="111"/>
        <source>Gaps closed: {list}</source>
        <translation>已消除的差距：{list}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="114"/>
        <source>Gaps opened: {list}</source>
        <translation>新出现的差距：{list}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/revision_dialog.py" line="117"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="35"/>
        <source>Typical scenarios built</source>
        <translation>已建成的典型场景</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="59"/>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="71"/>
        <source>Built</source>
        <translation>已建成</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="60"/>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="72"/>
        <source>Uses AI</source>
        <translation>应用 AI</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="69"/>
        <source>Instance: what was built, with what result</source>
        <translation>实例：建设内容与成效</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="73"/>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/scenarios_page.py" line="148"/>
        <source>{built} built, {ai} using AI ({share}); stages covered: {links} of 5</source>
        <translation>已建成 {built} 个，应用 AI {ai} 个（{share}）；覆盖环节 {links}/5</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="30"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="44"/>
        <source>Show Compare in the navigation (for city and provincial officials)</source>
        <translation>在导航中显示“汇总对比”（供市县和省级主管部门使用）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="51"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="57"/>
        <source>Move to another folder…</source>
        <translation>移动到其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="64"/>
        <source>Move the data to another disk or a USB stick: it is copied and checked, and the old folder is kept until you remove it. For a team, use a shared database server (--db) rather than a network folder.</source>
        <translation>可将数据移动到其他磁盘或 U 盘：数据会先复制并核对，旧文件夹保留到您自行删除。团队共用请使用共享数据库服务器（--db），不要使用网络文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="70"/>
        <source>⚠ This folder is on a network share. The database needs a local disk: on a share it can be damaged or stay locked. Move the data to a local folder, or use a shared PostgreSQL server for a team.</source>
        <translation>⚠ 该文件夹位于网络共享上。数据库需要本地磁盘：放在网络共享上可能损坏或一直被锁定。请将数据移动到本地文件夹，团队共用请使用共享的数据库服务器。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="82"/>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="96"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="83"/>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="97"/>
        <source>Default rule set</source>
        <translation>默认评价规则</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/settings_dialog.py" line="85"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="134"/>
        <source>Factories and assessments</source>
        <extracomment>a listing has been shown (or failed): what waits for the first screen can follow</extracomment>
        <translation>工厂与评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="135"/>
        <source>Search by factory name or credit code</source>
        <translation>按企业名称或信用代码搜索</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="136"/>
        <source>Search assessments</source>
        <translation>搜索评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="137"/>
        <source>Assessments</source>
        <translation>评估列表</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="142"/>
        <source>Factory</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="147"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="152"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="157"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="162"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="167"/>
        <source>Level</source>
        <translation>成熟度等级</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="171"/>
        <source>Tier</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="177"/>
        <source>No assessment yet. Load the example factory to look around, or start a new one.</source>
        <translation>还没有评估。可以先载入示例工厂看看，或新建一个评估。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="180"/>
        <source>&amp;New assessment…</source>
        <translation>新建评估(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="181"/>
        <source>Load the &amp;example factory</source>
        <translation>载入示例工厂(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="182"/>
        <source>&amp;Import answers file or workbook…</source>
        <translation>导入答题文件或工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="183"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="184"/>
        <source>Duplicate as new &amp;revision</source>
        <translation>复制为新版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="185"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="186"/>
        <source>Compare re&amp;visions…</source>
        <translation>修订对比(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="222"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="310"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="313"/>
        <source>Scoring {n} assessment(s)…</source>
        <translation>正在计算 {n} 份评估的结果…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="350"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="138"/>
        <source>final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="138"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="368"/>
        <source>cannot score</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="368"/>
        <source>scoring…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="372"/>
        <source>This assessment could not be scored: {problem}</source>
        <translation>这份评估无法计算结果：{problem}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="376"/>
        <source>Being scored in the background</source>
        <translation>正在后台计算</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="453"/>
        <source>Delete assessment</source>
        <translation>删除评估</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/start_page.py" line="455"/>
        <source>Delete revision {rev} of the assessment of {name}? Its answers and evidence list are removed; this cannot be undone.</source>
        <translation>删除“{name}”评估的第 {rev} 版？其答案和证据清单将被删除，且无法恢复。</translation>
    </message>
</context>
<context>
    <name>TextGuard</name>
    <message>
        <location filename="../../src/factory_grader/ui/text_guard.py" line="24"/>
        <source>Removed characters a workbook cannot hold (control characters).</source>
        <translation>已删除无法写入工作簿的字符（控制字符）。</translation>
    </message>
</context>
<context>
    <name>TierLadder</name>
    <message>
        <location filename="../../src/factory_grader/ui/tier_ladder.py" line="50"/>
        <source>✓ {tier}: reached</source>
        <translation>✓ {tier}：已达到</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/tier_ladder.py" line="52"/>
        <source>✗ {tier}: the next tier, {n} check(s) not met</source>
        <translation>✗ {tier}：下一梯度，还有 {n} 项未满足</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/tier_ladder.py" line="56"/>
        <source>○ {tier}: its own checks are met; a tier below is not</source>
        <translation>○ {tier}：本级条件已满足，但下面的梯度尚未达到</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/tier_ladder.py" line="60"/>
        <source>✗ {tier}: {n} check(s) not met</source>
        <translation>✗ {tier}：{n} 项未满足</translation>
    </message>
</context>
<context>
    <name>VersionNotice</name>
    <message>
        <location filename="../../src/factory_grader/ui/version_notice.py" line="34"/>
        <source>See what changes and update…</source>
        <translation>查看变化并更新…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/version_notice.py" line="71"/>
        <location filename="../../src/factory_grader/ui/version_notice.py" line="74"/>
        <source>Update to the current rules</source>
        <translation>更新到当前规则</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/version_notice.py" line="78"/>
        <source>Your answers stay as they are. To keep this revision as it is, duplicate it as a new revision first on the start page.</source>
        <translation>已填答案保持不变。如需保留本版本原样，请先在开始页“复制为新版本”。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/version_notice.py" line="81"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/version_notice.py" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <location filename="../../src/factory_grader/ui/weights_dialog.py" line="33"/>
        <location filename="../../src/factory_grader/ui/weights_dialog.py" line="56"/>
        <source>Weights of the sub-domains</source>
        <translation>各能力子域权重</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/weights_dialog.py" line="36"/>
        <source>Each level score is the weighted mean of the domain scores at that level, and a domain&apos;s score is the mean of its sub-domains. Parts answered &apos;not applicable&apos; are left out and the rest share their weight. With the default weights (every domain the same) a sub-domain of Production, one of its seven, weighs 1/84 of a level when all twelve domains count. Weights in use: {name}.</source>
        <translation>每一级得分是该级各能力域得分的加权平均，能力域得分是其各能力子域得分的平均。答“不适用”的部分不计入，其权重由其余部分分摊。按默认权重（各能力域等权），在 12 个能力域都计分时，“生产”的 7 个能力子域之一占该级得分的 1/84。当前使用的权重：{name}。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/weights_dialog.py" line="48"/>
        <source>Level {n}</source>
        <translation>{n} 级</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../src/factory_grader/ui/words.py" line="40"/>
        <source>unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/words.py" line="43"/>
        <source>not met</source>
        <translation>不满足</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/words.py" line="27"/>
        <source>built</source>
        <translation>已建成</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/words.py" line="29"/>
        <source>not built</source>
        <translation>未建成</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/words.py" line="32"/>
        <source>uses AI</source>
        <translation>应用 AI</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/words.py" line="42"/>
        <source>met</source>
        <translation>满足</translation>
    </message>
</context>
<context>
    <name>WorkshopPage</name>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="156"/>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="212"/>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="405"/>
        <source>Workshop</source>
        <extracomment>the user wants presenter mode (the window opens it) agreed here since the board was loaded (it is loaded again once they are stored)</extracomment>
        <translation>研讨会</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="157"/>
        <source>&amp;Participants…</source>
        <translation>参与人(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="158"/>
        <source>&amp;Write fill-in workbooks…</source>
        <translation>生成填写包(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="159"/>
        <source>&amp;Read returned workbooks…</source>
        <translation>读入交回的填写包(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="160"/>
        <source>Presenter mode (F5)</source>
        <translation>演示模式（F5）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="161"/>
        <source>Only those needing discussion</source>
        <translation>只看需要讨论的</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="162"/>
        <source>Set as the &amp;agreed answer</source>
        <translation>设为商定答案(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="163"/>
        <source>Rationale (kept in the answer&apos;s comment)</source>
        <translation>结论说明（写入该项的说明）</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="164"/>
        <source>A grade said in the room:</source>
        <translation>现场口头评分：</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="165"/>
        <source>Enter</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="166"/>
        <source>Requirements with grades</source>
        <translation>有评分的要求</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="167"/>
        <source>Rationale</source>
        <translation>结论说明</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="168"/>
        <source>Participant</source>
        <translation>参与人</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="169"/>
        <source>Grade</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="229"/>
        <source>{people} participants, {back} returned; {voted} requirements have grades, {discuss} need discussion.</source>
        <translation>{people} 位参与人，{back} 位已交回；{voted} 项要求有评分，{discuss} 项需要讨论。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="238"/>
        <source>No participants yet. Add them (Participants…), write each a fill-in workbook, and read the returned ones here: everyone&apos;s grades side by side, those that differ first.</source>
        <translation>还没有参与人。先添加参与人（参与人…），为每人生成填写包，交回后在这里读入：各人的评分并列显示，分歧大的排在前面。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="245"/>
        <source>This revision is final: reopen it to hold a workshop.</source>
        <translation>此版本已定稿：重新打开为新版本后才能开研讨会。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="252"/>
        <source>{mark}{number} · {votes} · agreed: {answer}</source>
        <translation>{mark}{number} · {votes} · 商定：{answer}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="255"/>
        <source>no grades</source>
        <translation>无评分</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="304"/>
        <source>No grades yet: the returned fill-in workbooks show here.</source>
        <translation>还没有评分：读入交回的填写包后在这里显示。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="320"/>
        <source>{number}  {text}
Evidence: {evidence}

Grades given:
{votes}
{spread}

Proposed: {proposed}. {rule}</source>
        <translation>{number}  {text}
证据提示：{evidence}

各人评分：
{votes}
{spread}

建议答案：{proposed}。{rule}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="326"/>
        <source>Spread: {n} step(s){na}</source>
        <translation>相差 {n} 档{na}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="328"/>
        <source>; 不适用 beside other answers</source>
        <translation>；有人选“不适用”而有人没有</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="336"/>
        <source>Agreed: {agreed} · the answer now: {answer}</source>
        <translation>商定：{agreed} · 当前答案：{answer}</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="405"/>
        <source>Add the participants first (Participants…).</source>
        <translation>请先添加参与人（参与人…）。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="410"/>
        <source>Folder for the fill-in workbooks</source>
        <translation>填写包保存到的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="420"/>
        <source>Fill-in workbooks written</source>
        <translation>填写包已生成</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="422"/>
        <source>{n} fill-in workbooks were written to
{folder}

Send each participant theirs; Excel, WPS or LibreOffice will open it.</source>
        <translation>已生成 {n} 个填写包，保存在
{folder}

请分别发给各位参与人；用 Excel、WPS 或 LibreOffice 都能打开填写。</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="434"/>
        <source>Returned fill-in workbooks</source>
        <translation>交回的填写包</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="436"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="448"/>
        <source>Returned workbooks read</source>
        <translation>已读入交回的填写包</translation>
    </message>
    <message>
        <location filename="../../src/factory_grader/ui/pages/workshop_page.py" line="449"/>
        <source>{taken} of {n} files read:</source>
        <translation>{n} 个文件中读入了 {taken} 个：</translation>
    </message>
</context>
</TS>
