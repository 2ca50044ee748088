/** Entry of `roster` (npm run roster -- ...): everything else is in ./main. */
import { main } from './main'
import { stdio } from './output'

main(process.argv.slice(2), process.env, stdio).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  }
)
