-- POST /cart/{user}/items over CARTS distinct shoppers (default 20000), one copy of a random book each time.
local carts = tonumber(os.getenv("CARTS") or "20000")
local skus = {}
for i = 1, 150 do skus[i] = string.format("BOOK-%03d", i) end
local headers = { ["Content-Type"] = "application/json" }

request = function()
  local user = "bench-" .. math.random(carts)
  local body = '{"productId":"' .. skus[math.random(#skus)] .. '","quantity":1,"price":0}'
  return wrk.format("POST", "/cart/" .. user .. "/items", headers, body)
end
