-- Runs inside `nvim --headless --clean`: starts policylint's language server with Neovim's
-- built-in LSP client (vim.lsp.start_client, Neovim 0.7), opens one document, waits for its
-- diagnostics, asks for one hover, writes what it saw as JSON, and quits.
-- test/e2e/neovim.e2e.ts drives it and makes the assertions; this script only observes.
--
-- Input (environment):
--   POLICYLINT_SERVER   path of dist/server.js
--   POLICYLINT_ROOT     workspace folder
--   POLICYLINT_FILE     document to open
--   POLICYLINT_RESULT   where to write the JSON result
--   POLICYLINT_EXPECT   comma-separated "ruleId:line" pairs to wait for (the wait ends early
--                       when the server exits; the test then reports what was missing)
--   POLICYLINT_HOVER    "line:text": hover at the first occurrence of text on that 1-based line
--   POLICYLINT_LOCALE   the policylint.locale setting (zh-CN, en, auto), sent as initializationOptions
--   POLICYLINT_CHANGE_LOCALE  optional: once the first diagnostics are in, send this locale with
--                       workspace/didChangeConfiguration and wait until every message is Chinese
--                       (zh-CN) or none is (en); the diagnostics then reported are the new ones
--   POLICYLINT_TIMEOUT  milliseconds for each wait

local env = vim.env
local timeout = tonumber(env.POLICYLINT_TIMEOUT or '30000')
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }

local function write_result()
  local f = assert(io.open(env.POLICYLINT_RESULT, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function main()
  local root = env.POLICYLINT_ROOT
  vim.cmd('edit ' .. vim.fn.fnameescape(env.POLICYLINT_FILE))
  local bufnr = vim.api.nvim_get_current_buf()

  local exited = nil
  local stopping = false
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'policylint',
    cmd = { 'node', env.POLICYLINT_SERVER, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
    -- Neovim 0.7 does not announce workspace/configuration, so the server takes its settings
    -- from initializationOptions.settings (and from didChangeConfiguration, which Neovim sends
    -- with `settings` after initialize).
    settings = { policylint = { locale = env.POLICYLINT_LOCALE or 'auto' } },
    init_options = { settings = { locale = env.POLICYLINT_LOCALE or 'auto' } },
    on_init = function(_, init_result)
      initialized = true
      local caps = init_result.capabilities or {}
      result.capabilities = {
        hoverProvider = caps.hoverProvider and true or false,
        codeActionProvider = caps.codeActionProvider and true or false,
        documentSymbolProvider = caps.documentSymbolProvider and true or false,
        diagnosticProvider = caps.diagnosticProvider ~= nil,
      }
      result.serverInfo = init_result.serverInfo
    end,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
      result.exit = exited
      -- An exit that the client did not ask for: the test fails on it.
      if not stopping then result.crashed = exited end
    end,
  })
  if not client_id then
    error('vim.lsp.start_client returned nil (could not start `node ' .. env.POLICYLINT_SERVER .. ' --stdio`)')
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(timeout, function() return initialized or exited ~= nil end, 20) then
    error('the server did not answer initialize within ' .. timeout .. ' ms')
  end
  if exited then error('the server exited during initialize (code ' .. tostring(exited.code) .. ')') end

  local expected = {}
  for pair in string.gmatch(env.POLICYLINT_EXPECT or '', '[^,]+') do
    expected[#expected + 1] = pair
  end
  local function seen()
    local have = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      have[tostring(d.code) .. ':' .. tostring(d.lnum + 1)] = true
    end
    for _, pair in ipairs(expected) do
      if not have[pair] then return false end
    end
    return #vim.diagnostic.get(bufnr) > 0
  end
  result.diagnosticsComplete = vim.wait(timeout, function() return seen() or exited ~= nil end, 20) and exited == nil

  local change = env.POLICYLINT_CHANGE_LOCALE
  if change and change ~= '' and exited == nil then
    local client = vim.lsp.get_client_by_id(client_id)
    client.config.settings = { policylint = { locale = change } }
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    -- UTF-8 lead bytes of the CJK block (U+4E00..U+9FFF) are 0xE4..0xE9.
    local function chinese(m) return string.find(m, '[\228-\233]') ~= nil end
    result.changeApplied = vim.wait(timeout, function()
      local all = vim.diagnostic.get(bufnr)
      if #all == 0 then return false end
      for _, d in ipairs(all) do
        if chinese(d.message) ~= (change == 'zh-CN') then return false end
      end
      return true
    end, 20)
  end

  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    -- vim.diagnostic columns are byte offsets; LSP's (and the CLI's) count UTF-16 units.
    local text = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
    local _, character = vim.str_utfindex(text, math.min(d.col, #text))
    result.diagnostics[#result.diagnostics + 1] = {
      code = d.code,
      source = d.source,
      message = d.message,
      severity = d.severity,
      line = d.lnum + 1,
      col = character,
      endLine = (d.end_lnum or d.lnum) + 1,
      endCol = d.end_col,
    }
  end

  if env.POLICYLINT_HOVER and exited == nil then
    local line_no, needle = string.match(env.POLICYLINT_HOVER, '^(%d+):(.*)$')
    line_no = tonumber(line_no)
    local text = vim.api.nvim_buf_get_lines(bufnr, line_no - 1, line_no, false)[1] or ''
    local byte = string.find(text, needle, 1, true)
    if not byte then error('hover text "' .. needle .. '" is not on line ' .. line_no .. ': ' .. text) end
    local _, utf16 = vim.str_utfindex(text, byte - 1)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = line_no - 1, character = utf16 },
    }
    result.hoverPosition = params.position
    local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
    if not responses then error('hover request failed: ' .. tostring(err)) end
    local response = responses[client_id] or {}
    if response.err then
      result.hoverError = response.err
    elseif response.result then
      local contents = response.result.contents
      if type(contents) == 'table' and contents.value then
        result.hover = contents.value
      else
        result.hover = table.concat(vim.lsp.util.convert_input_to_markdown_lines(contents), '\n')
      end
    else
      result.hover = vim.NIL
    end
  end

  stopping = true
  vim.lsp.stop_client(client_id)
  vim.wait(timeout, function() return exited ~= nil end, 20)
  result.stopped = exited ~= nil
end

local ok, err = pcall(main)
if not ok then result.error = tostring(err) end
local wrote, werr = pcall(write_result)
if not wrote then io.stderr:write('lsp-check.lua: could not write the result: ' .. tostring(werr) .. '\n') end
vim.cmd('qa!')
