"use strict";
// Cekura for VS Code and its forks (Cursor, VSCodium, …): starts cekura-lsp (`cekura.serverPath`) once a
// scenario file is open, lists the server's commands in the palette, shows running jobs in the status bar
// and opens run reports beside the file. Everything else comes from the server (protocol-notes/lsp.md).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { hasScenarioName, namesSuiteSchema } = require("./scenario-files");

const API_KEY_SECRET = "cekura.apiKey";
const JSON_LANGUAGES = ["json", "jsonc"];

let client;
let starting;
const jobs = new Map(); // progress token or command request → { title, detail } for the status bar
let status;

function isScenarioDocument(document) {
  if (!JSON_LANGUAGES.includes(document.languageId)) return false;
  if (hasScenarioName(document.uri.path) || namesSuiteSchema(document.getText())) return true;
  // The `cekura.files` globs, matched as the server matches them: in any folder.
  const files = vscode.workspace.getConfiguration("cekura", document.uri).get("files", {});
  return Object.entries(files).some(([glob, kind]) => kind !== "ignore" && vscode.languages.match({ pattern: `**/${glob}` }, document) > 0);
}

function showJobs() {
  const latest = [...jobs.values()].pop();
  if (latest === undefined) return status.hide();
  status.text = `$(sync~spin) Cekura: ${latest.title}${latest.detail ? ` — ${latest.detail}` : ""}`;
  status.show();
}

function track(key, job) {
  if (job === undefined) jobs.delete(key);
  else jobs.set(key, job);
  showJobs();
}

// A command from the palette comes without arguments: the server's commands act on a document and a
// position (protocol-notes/lsp.md), so the active editor gives them. Commands from code actions carry theirs.
async function argumentsFor(editor, command) {
  const argument = {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  };
  if (command === "cekura.improveInstructions") {
    const feedback = await vscode.window.showInputBox({ prompt: "What should change in the instructions?", ignoreFocusOut: true });
    if (!feedback) return undefined;
    argument.feedback = feedback;
  }
  return [argument];
}

const middleware = {
  async executeCommand(command, args, next) {
    const editor = vscode.window.activeTextEditor;
    if (args.length === 0 && !editor) return vscode.window.showErrorMessage("Cekura: open a scenario file first");
    const given = args.length > 0 ? args : await argumentsFor(editor, command);
    if (given === undefined) return undefined;
    const key = Symbol(command);
    track(key, { title: command.replace(/^cekura\./, "") });
    try {
      return await next(command, given);
    } finally {
      track(key, undefined);
    }
  },
  handleWorkDoneProgress(token, params, next) {
    if (params.kind === "begin") track(token, { title: params.title, detail: params.message });
    else if (params.kind === "report" && jobs.has(token)) {
      track(token, { title: jobs.get(token).title, detail: params.message || (params.percentage !== undefined ? `${params.percentage}%` : undefined) });
    } else if (params.kind === "end") track(token, undefined);
    next(token, params);
  },
  window: {
    // The report opens beside the scenario rather than in its place.
    async showDocument(params, next) {
      if (params.external) return next(params);
      await vscode.window.showTextDocument(client.protocol2CodeConverter.asUri(params.uri), {
        viewColumn: vscode.ViewColumn.Beside,
        preserveFocus: !params.takeFocus,
        preview: false,
        selection: params.selection && client.protocol2CodeConverter.asRange(params.selection),
      });
      return { success: true };
    },
  },
};

async function start(context) {
  const apiKey = await context.secrets.get(API_KEY_SECRET);
  client = new LanguageClient("cekura", "Cekura", {
    command: vscode.workspace.getConfiguration("cekura").get("serverPath", "cekura-lsp"),
    args: ["--stdio"],
  }, {
    documentSelector: JSON_LANGUAGES.flatMap((language) => [{ scheme: "file", language }, { scheme: "untitled", language }]),
    synchronize: { configurationSection: "cekura" },
    // The server reads the rest of the `cekura` section with workspace/configuration.
    initializationOptions: apiKey ? { apiKey } : {},
    middleware,
  });
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    const choice = await vscode.window.showErrorMessage(`Cekura: could not start cekura-lsp: ${error.message}`, "Open Settings");
    if (choice) vscode.commands.executeCommand("workbench.action.openSettings", "cekura.serverPath");
    return;
  }
  const offered = (client.initializeResult.capabilities.executeCommandProvider || {}).commands || [];
  vscode.commands.executeCommand("setContext", "cekura.serverCommands", offered.join(" "));
}

function startFor(context, document) {
  if (client || starting || !isScenarioDocument(document)) return;
  starting = start(context).finally(() => { starting = undefined; });
}

async function restart(context) {
  if (starting) await starting;
  if (client) await client.stop();
  client = undefined;
  jobs.clear();
  showJobs();
  starting = start(context).finally(() => { starting = undefined; });
}

async function setApiKey(context) {
  const key = await vscode.window.showInputBox({
    prompt: "Cekura API key, kept in VS Code's secret storage (empty to remove it)",
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return;
  if (key) await context.secrets.store(API_KEY_SECRET, key);
  else await context.secrets.delete(API_KEY_SECRET);
  if (client) await restart(context);
}

function activate(context) {
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  status.command = "cekura.showServerLog";
  status.tooltip = "A Cekura job is running; click for the server's log";
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand("cekura.restartServer", () => restart(context)),
    vscode.commands.registerCommand("cekura.showServerLog", () => client && client.outputChannel.show(true)),
    vscode.commands.registerCommand("cekura.setApiKey", () => setApiKey(context)),
    vscode.workspace.onDidOpenTextDocument((document) => startFor(context, document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (client && event.affectsConfiguration("cekura.serverPath")) restart(context);
    }),
  );
  vscode.workspace.textDocuments.forEach((document) => startFor(context, document));
}

function deactivate() {
  return client && client.stop();
}

module.exports = { activate, deactivate };
